import { BlockList, isIPv4 } from 'node:net';
import type { IncomingMessage } from 'node:http';
import { parseAllowEntry } from '../config/allow-from';
import { sameSecret } from './signature';

export interface ListenerProtection {
  /**
   * Source addresses allowed to post (IPs or CIDR ranges). Absent: any address. An empty list allows none (every
   * entry IT wrote was invalid, and a bad entry is never widened). Entries the config schema refused never get here;
   * one that does anyway is skipped, never read as a wider range.
   */
  allowFrom?: readonly string[] | undefined;
  /** Shared token expected as the last path segment or in the X-Console-Token header; undefined = none. */
  token?: string | undefined;
  /** During a changeover, the token being replaced: accepted as well, only when `token` is set. */
  previousToken?: string | undefined;
}

export type Refusal = { status: number; reason: string };

function allowList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const read = parseAllowEntry(entry);
    if ('error' in read) continue;
    if (read.prefix === undefined) list.addAddress(read.address, read.type);
    else list.addSubnet(read.address, read.prefix, read.type);
  }
  return list;
}

/**
 * Optional protection of the LAN listener, off by default: an allow-list of source addresses and/or a shared token.
 * A refused delivery is still recorded, with its reason.
 */
export function listenerGuard(protection: ListenerProtection): (req: IncomingMessage, pathToken: string | undefined) => Refusal | undefined {
  const list = protection.allowFrom !== undefined ? allowList(protection.allowFrom) : undefined;
  const tokens = protection.token === undefined ? [] : [protection.token, ...(protection.previousToken !== undefined ? [protection.previousToken] : [])];
  return (req, pathToken) => {
    if (list) {
      const raw = req.socket.remoteAddress ?? '';
      // IPv4 clients of a dual-stack socket appear as ::ffff:a.b.c.d.
      const address = raw.startsWith('::ffff:') && isIPv4(raw.slice(7)) ? raw.slice(7) : raw;
      const type = isIPv4(address) ? 'ipv4' : 'ipv6';
      if (!address || !list.check(address, type)) return { status: 403, reason: `source address ${raw || 'unknown'} is not allowed` };
    }
    if (tokens.length > 0) {
      const header = req.headers['x-console-token'];
      const given = pathToken ?? (Array.isArray(header) ? header[0] : header);
      // Each accepted token is compared, whatever the first gave: the time taken does not tell which one matched.
      const matches = tokens.map((t) => sameSecret(given, t));
      if (!matches.includes(true)) return { status: 401, reason: 'missing or wrong listener token' };
    }
    return undefined;
  };
}
