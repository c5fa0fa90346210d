import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const sameSecret = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** A request's address; one that does not parse (a hostile client's) is read as the root, with nothing in it. */
function addressOf(req: IncomingMessage): URL {
  try {
    return new URL(req.url ?? '/', 'http://placeholder');
  } catch {
    return new URL('/', 'http://placeholder');
  }
}

/** The value of one cookie in a `Cookie` header, or undefined. */
function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * Serve mode's lock to its own page. Any web page the operator opens could try to reach 127.0.0.1: a foreign Origin
 * is refused, a Host that names something else (DNS rebinding) is refused, and the page and its API also need the
 * per-start token that only the printed URL carries. The token does not stay in the address: the first request
 * exchanges it for a session cookie (HttpOnly, SameSite=Strict) and is redirected to the bare address, so the
 * browser's history, the address bar and the page's own scripts never hold it.
 */
export class ServeGuard {
  /**
   * The cookie's value: derived from the token, so a configured token (a LAN thin client) keeps its session across
   * restarts, and a per-start one ends it; never the token itself.
   */
  private readonly session: string;

  constructor(
    private readonly token: string,
    private readonly hosts: () => readonly string[],
    /** The cookie's name: cookies are per host, not per port, so two consoles on one machine must not share one. */
    readonly cookieName: () => string = () => 'issuance-console-session',
  ) {
    this.session = createHmac('sha256', token).update('issuance-console ui session').digest('base64url');
  }

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
    return !!candidate && sameSecret(candidate, this.token);
  }

  /** Whether the request carries this console's session cookie. */
  sessionValid(req: IncomingMessage): boolean {
    const value = cookieValue(req.headers.cookie, this.cookieName());
    return value !== undefined && sameSecret(value, this.session);
  }

  /** The `Set-Cookie` value that a valid token is exchanged for: a session cookie, unreadable by the page's scripts. */
  sessionCookie(): string {
    return `${this.cookieName()}=${this.session}; Path=/; HttpOnly; SameSite=Strict`;
  }

  /** The token as HTTP Basic credentials carry it (any user name, the token as password), or undefined. */
  private basicToken(req: IncomingMessage): string | undefined {
    const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(req.headers.authorization ?? '');
    if (!match?.[1]) return undefined;
    const decoded = Buffer.from(match[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon < 0 ? undefined : decoded.slice(colon + 1);
  }

  /**
   * What a page request gets. With the session cookie: the page (an address that still names a token is first sent
   * to the address without it). With the token, in the address or as the password of the address's user part
   * (`http://console:<token>@host/`, which browsers send only when asked and never write into their history): the
   * session cookie and a redirect to the bare address. Otherwise a refusal, with why.
   */
  pageAccess(req: IncomingMessage):
    | { kind: 'serve' }
    | { kind: 'redirect'; location: string; setCookie: boolean }
    | { kind: 'refuse'; reason: 'wrong-token' | 'no-session' } {
    const url = addressOf(req);
    const inAddress = url.searchParams.getAll('token');
    url.searchParams.delete('token');
    // Absolute, on the Host already checked: a relative one would keep the user part of an address that had one. One
    // leading slash only: `//host/…` would name another site.
    const location = `http://${req.headers.host ?? ''}/${url.pathname.replace(/^\/+/, '')}${url.search}`;
    if (this.sessionValid(req)) return inAddress.length > 0 ? { kind: 'redirect', location, setCookie: false } : { kind: 'serve' };
    const basic = this.basicToken(req);
    if (inAddress.some((t) => this.tokenValid(t)) || this.tokenValid(basic)) return { kind: 'redirect', location, setCookie: true };
    return { kind: 'refuse', reason: inAddress.length > 0 || basic !== undefined ? 'wrong-token' : 'no-session' };
  }

  /**
   * Why an API request (WebSocket upgrade) is refused, or undefined when it may proceed: the console's own page with
   * its session cookie, or a client naming the token in the address (a script; the page never does).
   */
  refuseApi(req: IncomingMessage): string | undefined {
    if (!this.hostAllowed(req)) return 'host not allowed';
    if (!this.originAllowed(req)) return 'origin not allowed';
    const url = addressOf(req);
    if (!this.sessionValid(req) && !this.tokenValid(url.searchParams.get('token'))) return 'missing or wrong access token';
    return undefined;
  }
}
