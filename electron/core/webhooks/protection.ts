import { timingSafeEqual } from 'node:crypto';
import { BlockList, isIPv4, isIPv6 } from 'node:net';
import type { IncomingMessage } from 'node:http';

export interface ListenerProtection {
  /** Source addresses allowed to post (IPs or CIDR ranges); empty = any. */
  allowFrom: readonly string[];
  /** Shared token expected as the last path segment or in the X-Console-Token header; undefined = none. */
  token: string | undefined;
}

export type Refusal = { status: number; reason: string };

function allowList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix] = entry.trim().split('/');
    const type = isIPv4(address) ? 'ipv4' : isIPv6(address) ? 'ipv6' : undefined;
    if (!type) throw new Error(`webhook.allowFrom: "${entry}" is not an IP address or CIDR range`);
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

function sameSecret(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Optional protection of the LAN listener, off by default: an allow-list of source addresses and/or a shared token.
 * A refused delivery is still recorded, with its reason.
 */
export function listenerGuard(protection: ListenerProtection): (req: IncomingMessage, pathToken: string | undefined) => Refusal | undefined {
  const list = protection.allowFrom.length > 0 ? allowList(protection.allowFrom) : undefined;
  return (req, pathToken) => {
    if (list) {
      const raw = req.socket.remoteAddress ?? '';
      // IPv4 clients of a dual-stack socket appear as ::ffff:a.b.c.d.
      const address = raw.startsWith('::ffff:') && isIPv4(raw.slice(7)) ? raw.slice(7) : raw;
      const type = isIPv4(address) ? 'ipv4' : 'ipv6';
      if (!address || !list.check(address, type)) return { status: 403, reason: `source address ${raw || 'unknown'} is not allowed` };
    }
    if (protection.token !== undefined) {
      const header = req.headers['x-console-token'];
      const given = pathToken ?? (Array.isArray(header) ? header[0] : header);
      if (!sameSecret(given, protection.token)) return { status: 401, reason: 'missing or wrong listener token' };
    }
    return undefined;
  };
}
