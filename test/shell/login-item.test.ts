import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyStartAtLogin, autostartFile } from '../../electron/shell/login-item';
import { tempDir } from '../helpers/core';
import { fake, resetFakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const savedXdg = process.env['XDG_CONFIG_HOME'];
afterEach(() => {
  if (savedXdg === undefined) delete process.env['XDG_CONFIG_HOME'];
  else process.env['XDG_CONFIG_HOME'] = savedXdg;
});

describe('start at login', () => {
  it('registers nothing for a development build, and says why', () => {
    resetFakeElectron(tempDir());
    const lines: string[] = [];
    applyStartAtLogin(true, (l) => lines.push(l));
    expect(fake.app.loginItems).toEqual([]);
    expect(lines).toEqual(['start at login applies to the installed app only; not registered']);
  });

  it.runIf(process.platform === 'linux')('writes and removes an XDG autostart entry for the installed app on Linux', () => {
    resetFakeElectron(tempDir());
    fake.app.isPackaged = true;
    process.env['XDG_CONFIG_HOME'] = tempDir('ic-xdg-');
    applyStartAtLogin(true, () => {});
    const entry = readFileSync(autostartFile(), 'utf8');
    expect(entry).toContain('[Desktop Entry]');
    expect(entry).toContain(`Exec="${process.env['APPIMAGE'] ?? process.execPath}"`);
    applyStartAtLogin(false, () => {});
    expect(existsSync(autostartFile())).toBe(false);
  });
});
