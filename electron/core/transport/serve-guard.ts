import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Serve mode's lock to its own page. Any web page the operator opens could try to reach 127.0.0.1: a foreign Origin
 * is refused, a Host that names something else (DNS rebinding) is refused, and the API also needs the per-start token
 * that only the printed URL carries.
 */
export class ServeGuard {
  constructor(
    private readonly token: string,
    private readonly hosts: () => readonly string[],
  ) {}

  /** `host:port` forms this server answers to. */
  hostAllowed(req: IncomingMessage): boolean {
    const host = req.headers.host?.toLowerCase();
    return host !== undefined && this.hosts().includes(host);
  }

  originAllowed(req: IncomingMessage): boolean {
    const origin = req.headers.origin?.toLowerCase();
    return origin !== undefined && this.hosts().some((h) => origin === `http://${h}`);
  }

  tokenValid(candidate: string | null | undefined): boolean {
    if (!candidate) return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(this.token);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  /** Why an API request (WebSocket upgrade) is refused, or undefined when it may proceed. */
  refuseApi(req: IncomingMessage): string | undefined {
    if (!this.hostAllowed(req)) return 'host not allowed';
    if (!this.originAllowed(req)) return 'origin not allowed';
    const url = new URL(req.url ?? '/', 'http://placeholder');
    if (!this.tokenValid(url.searchParams.get('token'))) return 'missing or wrong access token';
    return undefined;
  }
}
