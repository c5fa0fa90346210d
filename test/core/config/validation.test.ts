import { describe, expect, it } from 'vitest';
import { loadLayeredConfig } from '../../../electron/core/config/layered';
import { tempLocations, writeJson } from './helpers';

function load(file: unknown, argv: string[] = []) {
  const locations = tempLocations();
  writeJson(locations.user, file);
  return { ...loadLayeredConfig(argv, { locations, fallbackDataDir: locations.dir }), where: locations.user };
}

describe('values that once stopped the console are checked by the schema', () => {
  it('refuses a listen address that is no address, from a file or a flag, and keeps the default', () => {
    const loaded = load({ webhook: { host: 'a b' }, ui: { host: 'fe80::1%eth0' } }, ['--webhook-host', 'no such:host']);
    expect(loaded.config.webhookHost).toBe('127.0.0.1');
    expect(loaded.config.uiHost).toBe('127.0.0.1');
    expect(loaded.problems.map((p) => [p.where === loaded.where ? 'file' : p.where, p.key])).toEqual([
      ['file', 'webhook.host'],
      ['file', 'ui.host'],
      ['command line', '--webhook-host'],
    ]);
    expect(loaded.problems[2]?.message).toContain('must be an IP address (such as 0.0.0.0) or a host name (got "no such:host")');
  });

  it('refuses a data folder that is no path', () => {
    const loaded = load({ dataDir: '' }, ['--data-dir', 'a\u0000b']);
    expect(loaded.problems.map((p) => p.key)).toEqual(['dataDir', '--data-dir']);
  });

  it('reads a file nested far deeper than any setting (which overflowed the stack) and says where', () => {
    const deep = `{"station": "Line 5", "extra": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const loaded = load(deep);
    expect(loaded.config.station).toBe('Line 5');
    expect(loaded.problems).toEqual([
      expect.objectContaining({ key: expect.stringMatching(/^extra\./), message: 'is nested too deeply to be a setting; ignored' }),
      expect.objectContaining({ key: 'extra', message: expect.stringContaining('is not a known setting') }),
    ]);
  });

  it('never lets a __proto__ key carry values past the schema', () => {
    const loaded = load('{"webhook": {"__proto__": {"port": "eighty"}}, "__proto__": {"station": 5}}');
    expect(loaded.config.webhookPort).toBe(4567);
    expect(loaded.problems.map((p) => [p.key, p.message])).toEqual([
      ['webhook.__proto__', 'is not a known setting; ignored'],
      ['__proto__', 'is not a known setting; ignored'],
    ]);
  });
});
