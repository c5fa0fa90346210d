import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyStartAtLogin, autostartFile } from '../../electron/shell/login-item';
import { tempDir } from '../helpers/core';
import { fake, resetFakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const saved = { XDG_CONFIG_HOME: process.env['XDG_CONFIG_HOME'], APPIMAGE: process.env['APPIMAGE'], HOME: process.env['HOME'] };
const savedExecPath = process.execPath;
afterEach(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  process.execPath = savedExecPath;
});

/** The installed app, as Electron reports it, with its executable at `execPath` (and no AppImage unless set). */
function installedApp(execPath: string): void {
  resetFakeElectron(tempDir());
  fake.app.isPackaged = true;
  process.execPath = execPath;
  delete process.env['APPIMAGE'];
}

describe('start at login', () => {
  it('registers nothing for a development build, and says why', () => {
    resetFakeElectron(tempDir());
    const lines: string[] = [];
    applyStartAtLogin(true, (l) => lines.push(l));
    expect(fake.app.loginItems).toEqual([]);
    expect(lines).toEqual(['start at login applies to the installed app only; not registered']);
  });

  it.runIf(process.platform === 'linux')('puts the autostart entry where XDG says, else in ~/.config', () => {
    expect(autostartFile({ XDG_CONFIG_HOME: '/home/operator/.xdg' })).toBe('/home/operator/.xdg/autostart/issuance-console.desktop');
    process.env['HOME'] = '/home/operator';
    expect(autostartFile({})).toBe('/home/operator/.config/autostart/issuance-console.desktop');
    // Set but empty is unset, as the XDG spec reads it.
    expect(autostartFile({ XDG_CONFIG_HOME: '' })).toBe('/home/operator/.config/autostart/issuance-console.desktop');
  });

  it.runIf(process.platform === 'linux')('writes and removes an XDG autostart entry for the installed app on Linux', () => {
    installedApp('/opt/Issuance Console/issuance-console');
    const xdg = tempDir('ic-xdg-');
    process.env['XDG_CONFIG_HOME'] = xdg;
    applyStartAtLogin(true, () => {});
    const file = join(xdg, 'autostart', 'issuance-console.desktop');
    expect(autostartFile()).toBe(file);
    const entry = readFileSync(file, 'utf8');
    expect(entry).toContain('[Desktop Entry]');
    expect(entry).toBe(
      [
        '[Desktop Entry]',
        'Type=Application',
        'Name=Issuance Console',
        'Exec="/opt/Issuance Console/issuance-console"',
        'X-GNOME-Autostart-enabled=true',
        '',
      ].join('\n'),
    );
    applyStartAtLogin(false, () => {});
    expect(existsSync(file)).toBe(false);
    expect(fake.app.loginItems).toEqual([]);
  });

  it.runIf(process.platform === 'linux')('starts the AppImage file itself, not the executable inside its temporary mount', () => {
    installedApp('/tmp/.mount_IssuaXYZ/issuance-console');
    process.env['APPIMAGE'] = '/home/operator/Applications/IssuanceConsole-0.1.0-linux-x86_64.AppImage';
    process.env['XDG_CONFIG_HOME'] = tempDir('ic-xdg-');
    applyStartAtLogin(true, () => {});
    expect(readFileSync(autostartFile(), 'utf8')).toContain('\nExec="/home/operator/Applications/IssuanceConsole-0.1.0-linux-x86_64.AppImage"\n');
  });

  it('asks Electron for a login item on Windows and macOS', () => {
    installedApp('C:\\Program Files\\Issuance Console\\Issuance Console.exe');
    const platform = Object.getOwnPropertyDescriptor(process, 'platform') as PropertyDescriptor;
    // Only for these two synchronous calls: the test runner reads process.platform too.
    Object.defineProperty(process, 'platform', { ...platform, value: 'win32' });
    try {
      applyStartAtLogin(true, () => {});
      applyStartAtLogin(false, () => {});
    } finally {
      Object.defineProperty(process, 'platform', platform);
    }
    expect(fake.app.loginItems).toEqual([{ openAtLogin: true }, { openAtLogin: false }]);
  });
});
