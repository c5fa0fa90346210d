import type { IncomingMessage } from 'node:http';

/**
 * What a webhook route with no credentials configured does with a delivery: nothing would tell the sender's from a
 * forger's, so by default it is refused. `accepted`: the operator opted in (`rapidadmin.allowUnsigned`,
 * `idv.allowUnauthenticated`). `loopback-only`: training mode, whose listener is for this computer's simulators.
 */
export type UnauthenticatedPolicy = 'refused' | 'accepted' | 'loopback-only';

export function unauthenticatedPolicy(allow: boolean | undefined, training: boolean): UnauthenticatedPolicy {
  if (allow === true) return 'accepted';
  return training ? 'loopback-only' : 'refused';
}

/** A source address on this computer (IPv4 127/8, IPv6 ::1, or IPv4 loopback mapped into IPv6). */
export function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4.startsWith('127.') || address === '::1';
}

/** How a route without credentials judges one delivery: undefined to accept it, else why it is refused. */
export interface UnauthenticatedRoute {
  policy: UnauthenticatedPolicy;
  /** The refusal's recorded reason when nothing is configured: what is missing and which key to set. */
  missing: string;
  /** Told each time a delivery is refused because nothing is configured (the console raises an alert). */
  onRefused?: (() => void) | undefined;
}

export function refuseUnauthenticated(route: UnauthenticatedRoute, req: Pick<IncomingMessage, 'socket'>): string | undefined {
  if (route.policy === 'accepted') return undefined;
  if (route.policy === 'loopback-only') {
    return isLoopback(req.socket.remoteAddress) ? undefined : `${route.missing}; training mode accepts such deliveries from this computer only`;
  }
  route.onRefused?.();
  return route.missing;
}
