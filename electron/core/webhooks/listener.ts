import express from 'express';
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { IngestQueue } from '../ingest/ingest-queue';
import { MAX_BODY_BYTES, parseJsonBody, readBody, redactHeaders, type ReadBody } from './body';
import { listenerGuard, type ListenerProtection, type Refusal } from './protection';

export const AIDA_WEBHOOK_PATH = '/ixla/aida/v1/webhooks';

/** What a route makes of a delivery before it is stored: refused (and still recorded), or accepted with its JSON. */
export type Admission = { rejection: { status: number; reason: string } } | { json?: unknown };

/** One webhook source's route. Body reading, the 413 limit, redaction, recording and the answer are shared. */
export interface WebhookRoute {
  path: string;
  source: string;
  /** Judges the raw body and headers: authentication first, then whether the body must be readable. */
  admit: (req: IncomingMessage, body: Buffer) => Admission;
  /** Headers carrying this route's credentials, redacted like Authorization before the delivery is stored. */
  secretHeaders?: readonly string[];
}

/** A request header's value (the first, when it was sent more than once). */
export function headerOf(req: Pick<IncomingMessage, 'headers'>, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** AIDA's rule: any JSON is accepted, and a body that is not JSON gets 400. */
export const admitJson: WebhookRoute['admit'] = (_req, body) => {
  const parsed = parseJsonBody(body);
  return parsed.ok ? { json: parsed.value } : { rejection: { status: 400, reason: parsed.reason } };
};

function answer(res: ServerResponse, status: number, body: unknown, close = false): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  if (close) res.setHeader('Connection', 'close');
  res.end(JSON.stringify(body));
}

/**
 * A delivery a web page made the operator's browser send: every current browser sends `Origin` or `Sec-Fetch-Site` on
 * a cross-origin POST (a form, a `no-cors` fetch), and no machine does. `Sec-Fetch-Mode` and the content type alone
 * refuse nothing: Node's own fetch (the simulator, perhaps a vendor's cloud) sends `sec-fetch-mode: cors` and
 * `text/plain`.
 */
export function browserRefusal(req: Pick<IncomingMessage, 'headers'>): Refusal | undefined {
  const origin = headerOf(req, 'origin');
  const site = headerOf(req, 'sec-fetch-site');
  if (origin === undefined && site === undefined) return undefined;
  const sign = (origin !== undefined ? `Origin: ${origin}` : `Sec-Fetch-Site: ${site ?? ''}`).slice(0, 120);
  return { status: 403, reason: `sent by a web browser (${sign}): a web page cannot deliver webhooks` };
}

/** What the listener makes of a delivery before it is stored; an exception here is a bug, recorded as a 500. */
function judge(route: WebhookRoute, refusal: Refusal | undefined, req: IncomingMessage, read: ReadBody, log: (line: string) => void): Admission {
  if (refusal) return { rejection: refusal };
  if (read.tooLarge) return { rejection: { status: 413, reason: `body of ${read.length} bytes is over the ${MAX_BODY_BYTES}-byte limit` } };
  try {
    return route.admit(req, read.body);
  } catch (err) {
    log(`webhook route ${route.source} failed on a delivery: ${(err as Error).message}`);
    return { rejection: { status: 500, reason: `internal error while reading the delivery: ${(err as Error).message}`.slice(0, 300).toWellFormed() } };
  }
}

/** Reads, records and answers one delivery: durable before the 2xx, and a refusal recorded with its reason. */
async function receiveDelivery(
  ingest: IngestQueue,
  log: (line: string) => void,
  route: WebhookRoute,
  refusal: Refusal | undefined,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const receivedAt = new Date().toISOString();
  // Read now: once a body is abandoned the request may lose its socket.
  const remoteAddr = req.socket.remoteAddress;
  let read;
  try {
    read = await readBody(req);
  } catch {
    // The sender went away mid-body: there is nothing to store and nobody to answer.
    req.destroy();
    return;
  }
  const judged = judge(route, refusal, req, read, log);
  const headers = redactHeaders(req.headers);
  for (const name of route.secretHeaders ?? []) {
    if (headers[name.toLowerCase()] !== undefined) headers[name.toLowerCase()] = '[redacted]';
  }
  let result;
  try {
    result = await ingest.submit({
      source: route.source,
      receivedAt,
      remoteAddr,
      headers,
      body: read.body,
      bodyLength: read.length,
      ...('rejection' in judged ? { rejection: judged.rejection } : judged.json !== undefined ? { json: judged.json } : {}),
    });
  } catch (err) {
    // The storage failed (disk full, I/O error): not stored, so not acknowledged. A 503 makes the machine retry rather
    // than believe it was received; nothing the delivery itself holds leads here.
    log(`webhook not stored: ${(err as Error).message}`);
    answer(res, 503, { error: 'the console could not store the message; retry' }, read.abandoned);
    return;
  }
  answer(
    res,
    result.status,
    result.outcome === 'rejected'
      ? { error: result.reason }
      : { received: true, deliveryId: result.deliveryId, duplicate: result.outcome === 'duplicate' },
    read.abandoned,
  );
}

/** A route's path without a trailing slash, lower-cased: matched as express matched it (not strict, any case). */
const normalise = (path: string) => (path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path).toLowerCase();

/**
 * The LAN-facing listener machines post to. Each delivery is durable before it is answered; a refused one (not JSON,
 * too deep, too large, unauthenticated, sent by a web browser) is recorded with its reason and the listener keeps
 * serving.
 *
 * Webhook POSTs are dispatched here directly, on plain node:http: this is the path whose every microsecond counts
 * against the machine's acknowledgement timeout. Everything else (the health check, unknown paths) goes to express.
 */
export function createWebhookApp(
  ingest: IngestQueue,
  log: (line: string) => void,
  routes: readonly WebhookRoute[] = [],
  protection: ListenerProtection = {},
): RequestListener {
  const guard = listenerGuard(protection);
  const byPath = new Map<string, WebhookRoute>();
  for (const route of [{ path: AIDA_WEBHOOK_PATH, source: 'aida', admit: admitJson }, ...routes]) byPath.set(normalise(route.path), route);

  const fallback = express();
  fallback.disable('x-powered-by');
  fallback.set('etag', false);
  fallback.get('/health', (_req, res) => {
    res.json({ ok: true });
  });

  /** The route a POST is for, and the listener token when the URL carries it as its last segment. */
  function routeOf(url: string): { route: WebhookRoute; token: string | undefined } | undefined {
    const path = normalise(url.split('?', 1)[0] ?? '');
    const exact = byPath.get(path);
    if (exact) return { route: exact, token: undefined };
    // With a listener token, a machine may carry it as the URL's last segment (webhook URLs rarely allow headers).
    if (protection.token === undefined) return undefined;
    const cut = path.lastIndexOf('/');
    const route = byPath.get(path.slice(0, cut));
    if (!route) return undefined;
    const raw = (url.split('?', 1)[0] ?? '').replace(/\/$/, '');
    const segment = raw.slice(raw.lastIndexOf('/') + 1);
    try {
      return { route, token: decodeURIComponent(segment) };
    } catch {
      return { route, token: segment };
    }
  }

  return (req, res) => {
    const target = req.method === 'POST' ? routeOf(req.url ?? '') : undefined;
    if (!target) {
      fallback(req, res);
      return;
    }
    const refusal = browserRefusal(req) ?? guard(req, target.token);
    receiveDelivery(ingest, log, target.route, refusal, req, res).catch((err: unknown) => {
      // A bug: logged, answered if it still can be, and the listener keeps serving.
      log(`webhook delivery failed: ${(err as Error).message}`);
      if (!res.headersSent) answer(res, 500, { error: 'internal error' }, true);
    });
  };
}

export function listen(handler: RequestListener, host: string, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer(handler);
    server.once('listening', () => resolve(server));
    server.once('error', reject);
    server.listen(port, host);
  });
}

export function boundPort(server: Server): number {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server is not listening on a TCP port');
  return address.port;
}
