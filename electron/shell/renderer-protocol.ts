import { protocol, type Session } from 'electron';
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

/**
 * The console's page is served from `app://console/`, not `file://`: a file page may read any other file on disk
 * and cannot receive HTTP headers, while this origin serves only the built renderer and every response carries
 * the Content-Security-Policy header.
 */
export const SCHEME = 'app';
export const HOST = 'console';
export const RENDERER_URL = `${SCHEME}://${HOST}/index.html`;

/** Only the console's own bundled scripts and styles; no inline script, nothing remote, no frames, no plugins. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
};

/** Must run before the app is ready: a standard, secure scheme so the page gets a real origin and ES modules load. */
export function registerRendererScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
}

/** Compared by scheme and host: Node's URL gives custom schemes an opaque ("null") origin. */
const isOwn = (url: URL) => url.protocol === `${SCHEME}:` && url.host === HOST;

export function isOwnPage(url: string | undefined): boolean {
  if (!url) return false;
  try {
    return isOwn(new URL(url));
  } catch {
    return false;
  }
}

/** Answers one request for the renderer: a file under rendererDir, or 404; never a path outside it. */
export async function rendererResponse(url: string, rendererDir: string): Promise<Response> {
  const root = resolve(rendererDir);
  const headers = {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
  const notFound = () => new Response('not found', { status: 404, headers: { ...headers, 'Content-Type': 'text/plain' } });
  const parsed = new URL(url);
  if (!isOwn(parsed)) return notFound();
  let relative: string;
  try {
    relative = decodeURIComponent(parsed.pathname).replace(/^\/+/, '') || 'index.html';
  } catch {
    return notFound();
  }
  const file = resolve(root, relative);
  if (!file.startsWith(root + sep)) return notFound();
  try {
    const body = await readFile(file);
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': type } });
  } catch {
    return notFound();
  }
}

export function serveRenderer(session: Session, rendererDir: string): void {
  session.protocol.handle(SCHEME, (request) => rendererResponse(request.url, rendererDir));
}
