import { describe, expect, it } from 'vitest';
import { loadLayeredConfig, type LoadedConfig, type LoadOptions } from '../../../electron/core/config/layered';
import { defaultConfigLocations } from '../../../electron/core/config/locations';
import { fakeKeychain, tempLocations, writeJson } from './helpers';

function setup() {
  const locations = tempLocations();
  const options: LoadOptions = { locations, fallbackDataDir: locations.dir };
  const cli = `${locations.dir}/cli.json`;
  const load = (argv: string[] = [], extra: Partial<LoadOptions> = {}) => loadLayeredConfig(argv, { ...options, ...extra });
  return { locations, cli, load };
}

const problemText = (loaded: LoadedConfig) =>
  loaded.problems.map((p) => `${p.where} ${p.key ?? ''} ${p.message}`).join('\n');

describe('configuration precedence: defaults < machine-wide < per-user < --config < flags', () => {
  it('takes each key from the highest layer that sets it, and says which', () => {
    const { locations, cli, load } = setup();
    writeJson(locations.machine, { station: 'Machine station', webhook: { port: 1001 }, durability: 'crash' });
    writeJson(locations.user, { station: 'User station', webhook: { port: 1002 } });
    writeJson(cli, { webhook: { port: 1003 } });

    const loaded = load(['--config', cli, '--webhook-port', '1004']);
    expect(loaded.problems).toEqual([]);
    expect(loaded.config.webhookPort).toBe(1004);
    expect(loaded.origins.get('webhook.port')).toEqual({ source: 'flag', locked: false });
    expect(loaded.config.station).toBe('User station');
    expect(loaded.origins.get('station')?.source).toBe('user');
    expect(loaded.config.durability).toBe('crash');
    expect(loaded.origins.get('durability')?.source).toBe('machine');
    expect(loaded.config.uiPort).toBe(4800);
    expect(loaded.origins.get('ui.port')?.source).toBe('default');

    expect(load(['--config', cli]).config.webhookPort).toBe(1003);
    expect(load().config.webhookPort).toBe(1002);
  });

  it('lets a key locked in the machine-wide file override every other layer, and reports the ignored values', () => {
    const { locations, cli, load } = setup();
    writeJson(locations.machine, { webhook: { port: 4567, host: '0.0.0.0' }, locked: ['webhook'] });
    writeJson(locations.user, { webhook: { port: 9999 } });
    writeJson(cli, { webhook: { host: '10.0.0.9' } });

    const loaded = load(['--config', cli, '--webhook-port', '1234']);
    expect(loaded.config.webhookPort).toBe(4567);
    expect(loaded.config.webhookHost).toBe('0.0.0.0');
    expect(loaded.origins.get('webhook.port')).toEqual({ source: 'machine', locked: true });
    const text = problemText(loaded);
    expect(text).toContain(`${locations.user} webhook.port is locked by IT`);
    expect(text).toContain(`${cli} webhook.host is locked by IT`);
    expect(text).toContain('--webhook-port is ignored');
  });

  it('keeps a locked key the machine-wide file does not set at its default', () => {
    const { locations, load } = setup();
    writeJson(locations.machine, { locked: ['machines'] });
    writeJson(locations.user, { machines: [{ id: 'm1', apiUrl: 'http://10.0.0.5:5000' }] });
    const loaded = load(['--aida-url', 'http://10.0.0.6:5000']);
    expect(loaded.config.machines).toEqual([]);
    expect(loaded.config.training).toBeDefined();
    expect(loaded.origins.get('machines')).toEqual({ source: 'default', locked: true });
  });

  it('honours `locked` only in the machine-wide file, and reports names that are not settings', () => {
    const { locations, load } = setup();
    writeJson(locations.machine, { locked: ['webhook.prot'] });
    writeJson(locations.user, { locked: ['station'], station: 'Mine' });
    const loaded = load();
    expect(loaded.config.station).toBe('Mine');
    expect(problemText(loaded)).toContain('"webhook.prot" is not a setting that can be locked');
    expect(problemText(loaded)).toContain(`${locations.user} locked only the machine-wide file can lock keys`);
  });

  it('maps --aida-url to one live machine', () => {
    const { load } = setup();
    const loaded = load(['--aida-url', 'http://10.0.0.5:5000']);
    expect(loaded.config.training).toBeUndefined();
    expect(loaded.config.machines.map((m) => m.apiUrl)).toEqual(['http://10.0.0.5:5000']);
    expect(loaded.origins.get('machines')?.source).toBe('flag');
  });
});

describe('invalid configuration: the console starts anyway, says exactly what is wrong, uses safe defaults', () => {
  it('ignores a file that is not JSON, naming it, and keeps the layers below', () => {
    const { locations, load } = setup();
    writeJson(locations.machine, { webhook: { port: 5001 } });
    writeJson(locations.user, '{ "webhook": { "port": 5002 }');
    const loaded = load();
    expect(loaded.config.webhookPort).toBe(5001);
    expect(loaded.problems).toHaveLength(1);
    expect(loaded.problems[0]).toMatchObject({ where: locations.user });
    expect(loaded.problems[0]?.message).toMatch(/is not valid JSON.*the whole file is ignored/);
  });

  it('drops only the wrong keys of a file and keeps the good ones', () => {
    const { locations, load } = setup();
    writeJson(locations.user, { station: 'Line 2', webhook: { port: 70000, host: '0.0.0.0' }, webhok: {}, durability: 'sometimes' });
    const loaded = load();
    expect(loaded.config.station).toBe('Line 2');
    expect(loaded.config.webhookHost).toBe('0.0.0.0');
    expect(loaded.config.webhookPort).toBe(4567);
    expect(loaded.config.durability).toBe('power-cut');
    const byKey = Object.fromEntries(loaded.problems.map((p) => [p.key, p.message]));
    expect(byKey['webhook.port']).toMatch(/65535.*\(got 70000\); ignored/);
    expect(byKey['webhok']).toBe('is not a known setting; ignored');
    expect(byKey['durability']).toMatch(/got "sometimes"/);
  });

  it('ignores a machine list with a bad entry as a whole, falling back to training mode on loopback', () => {
    const { locations, load } = setup();
    writeJson(locations.machine, {
      machines: [
        { id: 'a', apiUrl: 'http://10.0.0.5:5000' },
        { id: 'b', apiUrl: 'not a url' },
      ],
    });
    const loaded = load();
    expect(loaded.config.training).toBeDefined();
    expect(loaded.config.webhookHost).toBe('127.0.0.1');
    expect(loaded.problems[0]).toMatchObject({ where: locations.machine, key: 'machines.1.apiUrl' });
    expect(loaded.problems[0]?.message).toContain('the whole "machines" setting is ignored');
  });

  it('takes only true or false for the opt-ins to CallbackUrls and to unauthenticated deliveries', () => {
    const { locations, load } = setup();
    const machine = { id: 'a', apiUrl: 'http://10.0.0.5:5000' };
    writeJson(locations.user, {
      machines: [{ ...machine, signal: { useCallbackUrl: true } }],
      rapidadmin: { allowUnsigned: 'yes' },
      idv: { allowUnauthenticated: 1 },
    });
    let loaded = load();
    expect(loaded.config.machines[0]?.signal).toEqual({ useCallbackUrl: true });
    expect(loaded.config.rapidadmin?.allowUnsigned).toBeUndefined();
    expect(loaded.config.idv?.allowUnauthenticated).toBeUndefined();
    expect(loaded.problems.map((p) => p.key)).toEqual(expect.arrayContaining(['rapidadmin.allowUnsigned', 'idv.allowUnauthenticated']));

    writeJson(locations.user, { machines: [{ ...machine, signal: { useCallbackUrl: 'true' } }], rapidadmin: { allowUnsigned: true } });
    loaded = load();
    expect(loaded.config.rapidadmin?.allowUnsigned).toBe(true);
    expect(loaded.config.machines).toEqual([]);
    expect(loaded.problems[0]).toMatchObject({ key: 'machines.0.signal.useCallbackUrl' });
  });

  it('refuses two machines with the same id', () => {
    const { locations, load } = setup();
    writeJson(locations.user, { machines: [{ id: 'a', apiUrl: 'http://10.0.0.5:5000' }, { id: 'a', apiUrl: 'http://10.0.0.6:5000' }] });
    const loaded = load();
    expect(loaded.config.machines).toEqual([]);
    expect(problemText(loaded)).toContain('machine id "a" is configured twice');
  });

  it('reports a missing --config file and a file that is not an object', () => {
    const { locations, load } = setup();
    writeJson(locations.machine, '[1, 2]');
    const loaded = load(['--config', `${locations.dir}/nope.json`]);
    expect(problemText(loaded)).toContain('nope.json  does not exist; ignored');
    expect(problemText(loaded)).toContain('must hold a JSON object');
    expect(loaded.config.webhookPort).toBe(4567);
  });

  it('ignores wrong and unknown flags instead of refusing to start', () => {
    const { load } = setup();
    const loaded = load(['--webhook-port', 'eighty', '--aida-url', 'ftp://x', '--colour', 'blue', 'stray']);
    expect(loaded.config.webhookPort).toBe(4567);
    expect(loaded.config.training).toBeDefined();
    expect(loaded.problems.map((p) => p.message)).toEqual([
      '--colour is not a console flag; ignored',
      'unexpected argument "blue"; ignored',
      'unexpected argument "stray"; ignored',
      '--webhook-port must be a port number 0-65535, got "eighty"; ignored',
      '--aida-url must be an http(s) URL, got "ftp://x"; ignored',
    ]);
  });

  it('keeps serve mode\'s UI on loopback when a LAN address comes without an access token', () => {
    const { locations, load } = setup();
    const without = load(['--ui-host', '0.0.0.0']);
    expect(without.config.uiHost).toBe('127.0.0.1');
    expect(problemText(without)).toContain('needs ui.accessToken');

    writeJson(locations.machine, { ui: { accessToken: 'a-long-enough-token-for-the-lan' } });
    const withToken = load(['--ui-host', '0.0.0.0']);
    expect(withToken.config.uiHost).toBe('0.0.0.0');
    expect(withToken.problems).toEqual([]);
  });
});

describe('secrets in config files', () => {
  it('opens sealed values with the keychain, and without it drops them with a reason', () => {
    const { locations, load } = setup();
    writeJson(locations.user, { webhook: { token: { $encrypted: fakeKeychain.encrypt('sixteen-chars-token') } } });
    expect(load([], { keychain: fakeKeychain }).config.webhookToken).toBe('sixteen-chars-token');

    const headless = load();
    expect(headless.config.webhookToken).toBeUndefined();
    expect(headless.problems[0]).toMatchObject({ key: 'webhook.token' });
    expect(headless.problems[0]?.message).toContain('OS keychain');
  });

  it('never quotes a secret back in a problem', () => {
    const { locations, load } = setup();
    writeJson(locations.user, { webhook: { token: 'short' } });
    const loaded = load();
    expect(loaded.problems[0]).toMatchObject({ key: 'webhook.token' });
    expect(problemText(loaded)).not.toContain('short');
  });
});

describe('where the files are', () => {
  it('uses ProgramData and AppData on Windows, /etc and XDG on Linux', () => {
    expect(defaultConfigLocations('win32', { ProgramData: 'C:\\ProgramData', APPDATA: 'C:\\Users\\op\\AppData\\Roaming' }, 'C:\\Users\\op')).toEqual({
      machine: 'C:\\ProgramData\\IssuanceConsole\\config.json',
      user: 'C:\\Users\\op\\AppData\\Roaming\\IssuanceConsole\\config.json',
    });
    expect(defaultConfigLocations('linux', {}, '/home/op')).toEqual({
      machine: '/etc/issuance-console/config.json',
      user: '/home/op/.config/issuance-console/config.json',
    });
  });
});
