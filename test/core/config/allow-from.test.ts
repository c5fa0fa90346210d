import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { parseAllowEntry } from '../../../electron/core/config/allow-from';
import { loadLayeredConfig } from '../../../electron/core/config/layered';
import { listenerGuard } from '../../../electron/core/webhooks/protection';
import { tempLocations, writeJson } from './helpers';

function load(allowFrom: unknown) {
  const locations = tempLocations();
  writeJson(locations.machine, { webhook: { allowFrom } });
  return { loaded: loadLayeredConfig([], { locations, fallbackDataDir: locations.dir }), where: locations.machine };
}

/** Whether the listener admits a delivery from `address`, as configured. */
function admits(allowFrom: readonly string[] | undefined, address: string): boolean {
  const guard = listenerGuard({ allowFrom });
  return guard({ socket: { remoteAddress: address }, headers: {} } as unknown as IncomingMessage, undefined) === undefined;
}

describe('webhook.allowFrom entries, read strictly', () => {
  it.each([
    ['10.0.0.0/', /prefix after "\/" must be a whole number from 0 to 32/],
    ['10.1.0.0/33', /from 0 to 32/],
    ['10.1.0.0/8/8', /not an IP address or a CIDR range/],
    ['10.1.0.0/ 8', /whole number/],
    ['10.1.0.0/0x8', /whole number/],
    ['::1/129', /from 0 to 128/],
    ['fe80::1%eth0', /not an IP address/],
    ['10.0.0', /not an IP address/],
    ['', /not an IP address/],
  ])('refuses %j', (entry, message) => {
    const read = parseAllowEntry(entry);
    expect('error' in read && read.error).toMatch(message);
  });

  it('reads addresses and ranges of both families', () => {
    expect(parseAllowEntry('10.20.0.0/16')).toEqual({ address: '10.20.0.0', prefix: 16, type: 'ipv4' });
    expect(parseAllowEntry(' 10.0.0.5 ')).toEqual({ address: '10.0.0.5', type: 'ipv4' });
    expect(parseAllowEntry('fd00::/8')).toEqual({ address: 'fd00::', prefix: 8, type: 'ipv6' });
    expect(parseAllowEntry('0.0.0.0/0')).toEqual({ address: '0.0.0.0', prefix: 0, type: 'ipv4' });
  });
});

describe('a bad allowFrom entry in a config file', () => {
  it('is reported and dropped alone: "10.0.0.0/" never allows every address', () => {
    const { loaded, where } = load(['10.0.0.0/', '192.168.5.0/24']);
    expect(loaded.config.webhookAllowFrom).toEqual(['192.168.5.0/24']);
    expect(loaded.problems).toEqual([
      { where, key: 'webhook.allowFrom.0', message: expect.stringMatching(/"10\.0\.0\.0\/".*; this entry is ignored \(the list is not widened\)/) },
    ]);
    expect(admits(loaded.config.webhookAllowFrom, '203.0.113.9')).toBe(false);
    expect(admits(loaded.config.webhookAllowFrom, '10.0.0.1')).toBe(false);
    expect(admits(loaded.config.webhookAllowFrom, '192.168.5.7')).toBe(true);
  });

  it('allows nothing when no entry is valid, and says so', () => {
    const { loaded, where } = load(['10.0.0.0/', '10.1.0.0/33']);
    expect(loaded.config.webhookAllowFrom).toEqual([]);
    expect(loaded.problems.map((p) => [p.key, p.message])).toEqual([
      ['webhook.allowFrom.0', expect.stringContaining('this entry is ignored')],
      ['webhook.allowFrom.1', expect.stringContaining('this entry is ignored')],
      ['webhook.allowFrom', expect.stringContaining('no address is allowed')],
    ]);
    expect(loaded.problems.every((p) => p.where === where)).toBe(true);
    expect(admits(loaded.config.webhookAllowFrom, '127.0.0.1')).toBe(false);
    expect(admits(loaded.config.webhookAllowFrom, '10.1.0.1')).toBe(false);
  });

  it('allows nothing when the setting is not a list at all', () => {
    const { loaded } = load('10.0.0.0/8');
    expect(loaded.config.webhookAllowFrom).toEqual([]);
    expect(loaded.problems).toEqual([expect.objectContaining({ key: 'webhook.allowFrom', message: expect.stringContaining('no address is allowed') })]);
  });

  it('leaves the listener open to any address only when allowFrom is not set', () => {
    const locations = tempLocations();
    const loaded = loadLayeredConfig([], { locations, fallbackDataDir: locations.dir });
    expect(loaded.config.webhookAllowFrom).toBeUndefined();
    expect(admits(loaded.config.webhookAllowFrom, '203.0.113.9')).toBe(true);
  });

  it('is skipped, never widened, if one reaches the listener anyway', () => {
    expect(admits(['10.0.0.0/'], '203.0.113.9')).toBe(false);
    expect(admits(['10.0.0.0/', '203.0.113.0/24'], '203.0.113.9')).toBe(true);
  });
});
