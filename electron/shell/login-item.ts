import { app } from 'electron';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const AUTOSTART_NAME = 'issuance-console.desktop';

/** The XDG autostart entry Linux desktops read at login (Electron's login items cover Windows and macOS only). */
export function autostartFile(env: NodeJS.ProcessEnv = process.env): string {
  return join(env['XDG_CONFIG_HOME'] || join(homedir(), '.config'), 'autostart', AUTOSTART_NAME);
}

function desktopEntry(executable: string): string {
  return ['[Desktop Entry]', 'Type=Application', 'Name=Issuance Console', `Exec="${executable}"`, 'X-GNOME-Autostart-enabled=true', ''].join('\n');
}

/**
 * Starts the installed console at login, or stops doing so. Only for the installed app: registering a development
 * build would start a bare Electron at every login.
 */
export function applyStartAtLogin(enabled: boolean, log: (line: string) => void): void {
  if (!app.isPackaged) {
    if (enabled) log('start at login applies to the installed app only; not registered');
    return;
  }
  if (process.platform === 'linux') {
    const file = autostartFile();
    if (enabled) {
      mkdirSync(join(file, '..'), { recursive: true });
      // An AppImage runs from a temporary mount: the AppImage file itself is what must start.
      writeFileSync(file, desktopEntry(process.env['APPIMAGE'] ?? process.execPath));
    } else {
      rmSync(file, { force: true });
    }
    return;
  }
  app.setLoginItemSettings({ openAtLogin: enabled });
}
