import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Via } from '../people/caller';

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

const LOOPBACK_PEER = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/** A browser on this computer, or a thin client on the LAN: read from the connection, never from a header. */
export function viaOf(req: IncomingMessage): Extract<Via, 'serve-loopback' | 'serve-lan'> {
  return LOOPBACK_PEER.test(req.socket.remoteAddress ?? '') ? 'serve-loopback' : 'serve-lan';
}

/** The core's sessions, as the guard hands them out to browsers. */
export interface GuardSessions {
  open(via: Via): string;
  has(sessionId: string): boolean;
}

/**
 * Serve mode's lock to its own page. Any web page the operator opens could try to reach 127.0.0.1: a foreign Origin
 * is refused, a Host that names something else (DNS rebinding) is refused, and the page and its API also need the
 * per-start token that only the printed URL carries. The token does not stay in the address: the first request
 * exchanges it for a session cookie (HttpOnly, SameSite=Strict) and is redirected to the bare address, so the
 * browser's history, the address bar and the page's own scripts never hold it. Each browser that exchanges the
 * token gets a cookie of its own, random, naming its own session in the core: who is signed in at one browser is
 * never who is signed in at another. The cookies live as long as this server: after a restart, the token again.
 */
export class ServeGuard {
  /** The core's session of each cookie, keyed by a digest of the cookie (a lookup that leaks nothing of its value). */
  private readonly cookies = new Map<string, string>();

  constructor(
    private readonly token: string,
    private readonly hosts: () => readonly string[],
    private readonly sessions: GuardSessions,
    /** The cookie's name: cookies are per host, not per port, so two consoles on one machine must not share one. */
    readonly cookieName: () => string = () => 'issuance-console-session',
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
    return !!candidate && sameSecret(candidate, this.token);
  }

  /** The core's session named by the request's cookie, while it lasts. */
  sessionOf(req: IncomingMessage): string | undefined {
    const value = cookieValue(req.headers.cookie, this.cookieName());
    if (value === undefined) return undefined;
    const key = createHash('sha256').update(value).digest('base64url');
    const id = this.cookies.get(key);
    if (id === undefined || this.sessions.has(id)) return id;
    // The core ended that session (a browser gone for half a day): the cookie opens nothing any more.
    this.cookies.delete(key);
    return undefined;
  }

  /** Whether the request carries a session cookie of this console. */
  sessionValid(req: IncomingMessage): boolean {
    return this.sessionOf(req) !== undefined;
  }

  /**
   * The `Set-Cookie` value a valid token is exchanged for: a new session in the core for this browser, named by a
   * random cookie the page's scripts cannot read.
   */
  sessionCookie(req: IncomingMessage): string {
    for (const [key, id] of this.cookies) if (!this.sessions.has(id)) this.cookies.delete(key);
    const value = randomBytes(32).toString('base64url');
    this.cookies.set(createHash('sha256').update(value).digest('base64url'), this.sessions.open(viaOf(req)));
    return `${this.cookieName()}=${value}; Path=/; HttpOnly; SameSite=Strict`;
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
