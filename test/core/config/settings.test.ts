import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadLayeredConfig, type LoadOptions } from '../../../electron/core/config/layered';
import { Settings } from '../../../electron/core/config/settings';
import type { SecretKeychain } from '../../../electron/core/config/secrets';
import type { SettingsView } from '../../../shared/api/settings';
import { fakeKeychain, tempLocations, writeJson } from './helpers';

/** `keychain: null` is a computer without an OS keychain. */
function setup(files: { machine?: unknown; user?: unknown } = {}, argv: string[] = [], withKeychain: SecretKeychain | null = fakeKeychain) {
  const keychain = withKeychain ?? undefined;
  const locations = tempLocations();
  if (files.machine) writeJson(locations.machine, files.machine);
  if (files.user) writeJson(locations.user, files.user);
  const options: LoadOptions = { locations, fallbackDataDir: locations.dir, ...(keychain ? { keychain } : {}) };
  const load = () => loadLayeredConfig(argv, options);
  const settings = new Settings(load(), load, keychain);
  const userFile = () => JSON.parse(readFileSync(locations.user, 'utf8')) as Record<string, unknown>;
  return { locations, settings, userFile };
}

const entry = (view: SettingsView, key: string) => {
  const found = view.entries.find((e) => e.key === key);
  if (!found) throw new Error(`no entry ${key}`);
  return found;
};

describe('the settings screen\'s view', () => {
  it('shows every key\'s value in effect and where it came from', () => {
    const { settings } = setup({ machine: { durability: 'crash', locked: ['durability'] }, user: { station: 'Line 2' } }, ['--webhook-port', '4999']);
    const view = settings.view();
    expect(entry(view, 'station')).toMatchObject({ value: 'Line 2', source: 'user', locked: false, editable: true, userSet: true });
    expect(entry(view, 'durability')).toMatchObject({ value: 'crash', source: 'machine', locked: true, editable: false });
    expect(entry(view, 'webhook.port')).toMatchObject({ value: 4999, source: 'flag' });
    expect(entry(view, 'ui.port')).toMatchObject({ value: 4800, source: 'default', userSet: false });
    expect(entry(view, 'desktop.display')).toMatchObject({ value: 'window', kind: 'enum', options: ['window', 'full-screen', 'kiosk'] });
    expect(entry(view, 'machines')).toMatchObject({ kind: 'list', editable: false });
    expect(view.entries.some((e) => e.key === 'locked')).toBe(false);
  });

  it('never shows a secret back, not even its last characters: only set or not set', () => {
    const { settings } = setup({
      user: {
        ui: { accessToken: 'tok-1234567890-abcdefghijklmnop' },
        rapidadmin: { signingSecret: 'rapid-signing-secret-WXYZ' },
        machines: [{ id: 'm1', apiUrl: 'http://10.0.0.5:5000', credentials: { userName: 'svc', password: 'hunter2-hunter2' } }],
      },
    });
    const view = settings.view();
    expect(entry(view, 'ui.accessToken')).toMatchObject({ secret: true, value: 'set' });
    expect(entry(view, 'rapidadmin.signingSecret')).toMatchObject({ secret: true, value: 'set' });
    expect(entry(view, 'webhook.token')).toMatchObject({ secret: true, value: null });
    const text = JSON.stringify(view);
    for (const part of ['tok-1234567890', 'mnop', 'WXYZ', 'hunter2']) expect(text).not.toContain(part);
    expect(entry(view, 'machines').value).toContain('"credentials":"set"');
  });

  it('offers the previous token and signing secret of a changeover as secrets of their own', () => {
    const { settings } = setup();
    const view = settings.view();
    expect(entry(view, 'webhook.previousToken')).toMatchObject({ secret: true, editable: true, value: null });
    expect(entry(view, 'rapidadmin.previousSigningSecret')).toMatchObject({ secret: true, editable: true, value: null });
  });

  it('lists the problems of the files, so the screen can show exactly what is wrong', () => {
    const { settings, locations } = setup({ user: { webhook: { port: 'eighty' } } });
    expect(settings.view().problems).toEqual([
      { where: locations.user, key: 'webhook.port', message: expect.stringContaining('(got "eighty"); ignored') },
    ]);
  });
});

describe('changing settings', () => {
  it('writes the change to the per-user file only, and marks it as needing a restart', () => {
    const { settings, userFile, locations } = setup({ machine: { station: 'IT name' }, user: { durability: 'crash' } });
    const result = settings.set('station', 'Line 7');
    expect(result.ok).toBe(true);
    expect(userFile()).toEqual({ durability: 'crash', station: 'Line 7' });
    expect(JSON.parse(readFileSync(locations.machine, 'utf8'))).toEqual({ station: 'IT name' });
    if (!result.ok) return;
    expect(entry(result.value, 'station')).toMatchObject({ value: 'Line 7', source: 'user', restartNeeded: true });
  });

  it('applies display and start-at-login without a restart', () => {
    const { settings } = setup();
    const result = settings.set('desktop.display', 'kiosk');
    expect(result.ok && entry(result.value, 'desktop.display')).toMatchObject({ value: 'kiosk', restartNeeded: false });
  });

  it('stores a secret sealed by the keychain, never as written', () => {
    const { settings, userFile } = setup();
    expect(settings.set('webhook.token', 'a-webhook-token-of-32-characters').ok).toBe(true);
    const stored = (userFile()['webhook'] as { token: unknown }).token;
    expect(stored).toEqual({ $encrypted: fakeKeychain.encrypt('a-webhook-token-of-32-characters') });
    expect(JSON.stringify(userFile())).not.toContain('a-webhook-token');
  });

  it('stores a secret as written where there is no keychain, and says so', () => {
    const { settings, userFile } = setup({}, [], null);
    expect(settings.set('webhook.token', 'a-webhook-token-of-32-characters').ok).toBe(true);
    expect(userFile()).toEqual({ webhook: { token: 'a-webhook-token-of-32-characters' } });
    expect(settings.view().secrets).toBe('plain');
  });

  it('refuses a value the config file\'s schema refuses, and leaves the file as it was', () => {
    const { settings, userFile } = setup({ user: { station: 'Line 2' } });
    const result = settings.set('webhook.port', 123456);
    expect(result).toEqual({ ok: false, error: { code: 'invalid-request', message: expect.stringMatching(/^webhook\.port: .*65535/) } });
    expect(userFile()).toEqual({ station: 'Line 2' });
  });

  it('refuses keys locked by IT, lists, and keys that do not exist', () => {
    const { settings, locations } = setup({ machine: { locked: ['webhook.port'] } });
    expect(settings.set('webhook.port', 5000)).toEqual({
      ok: false,
      error: { code: 'not-allowed', message: `webhook.port is locked by IT in ${locations.machine}` },
    });
    expect(settings.set('machines', '[]')).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    expect(settings.set('webhook.colour', 'blue')).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('refuses to edit over a per-user file it cannot read, rather than replacing it', () => {
    const { settings, locations } = setup({ user: '{ broken' });
    const result = settings.set('station', 'x');
    expect(result).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(readFileSync(locations.user, 'utf8')).toBe('{ broken');
  });

  it('resets a key by removing it from the per-user file, so the layer below applies', () => {
    const { settings, userFile } = setup({ machine: { station: 'IT name' }, user: { station: 'Mine', webhook: { port: 4999 } } });
    const result = settings.reset('station');
    expect(result.ok && entry(result.value, 'station')).toMatchObject({ value: 'IT name', source: 'machine', userSet: false });
    expect(settings.reset('webhook.port').ok).toBe(true);
    expect(userFile()).toEqual({});
  });
});
