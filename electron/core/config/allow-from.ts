import { isIPv4, isIPv6 } from 'node:net';

/** One `webhook.allowFrom` entry read strictly: an address, or an address and a whole-number prefix in range. */
export interface AllowEntry {
  address: string;
  /** Absent: the address alone. */
  prefix?: number;
  type: 'ipv4' | 'ipv6';
}

const PREFIX = /^\d{1,3}$/;

/**
 * Reads an allow-list entry, or says why it cannot be one. Nothing is guessed: `10.0.0.0/` is not `/0` (which
 * `Number('')` would make it, allowing every address), `10.1.0.0/33` is out of range, and a zone (`fe80::1%eth0`)
 * or a second slash is refused. An entry that cannot be read is never widened into something that allows more.
 */
export function parseAllowEntry(entry: string): AllowEntry | { error: string } {
  const refused = { error: `"${entry}" is not an IP address or a CIDR range (such as 10.20.0.0/16)` };
  const parts = entry.trim().split('/');
  if (parts.length > 2) return refused;
  const [address = '', prefix] = parts;
  const type = isIPv4(address) ? 'ipv4' : isIPv6(address) && !address.includes('%') ? 'ipv6' : undefined;
  if (!type) return refused;
  if (prefix === undefined) return { address, type };
  const bits = type === 'ipv4' ? 32 : 128;
  if (!PREFIX.test(prefix) || Number(prefix) > bits) {
    return { error: `"${entry}": the prefix after "/" must be a whole number from 0 to ${bits}` };
  }
  return { address, prefix: Number(prefix), type };
}
