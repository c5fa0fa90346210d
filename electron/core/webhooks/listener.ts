import express from 'express';
import type { Server } from 'node:http';
import type { IngestQueue } from '../ingest/ingest-queue';
import { MAX_BODY_BYTES, parseJsonBody, readBody, redactHeaders } from './body';
import { listenerGuard, type ListenerProtection, type Refusal } from './protection';

export const AIDA_WEBHOOK_PATH = '/ixla/aida/v1/webhooks';

/** What a route makes of a delivery before it is stored: refused (and still recorded), or accepted with its JSON. */
export type Admission = { rejection: { status: number; reason: string } } | { json?: unknown };

/** One webhook source's route. Body reading, the 413 limit, redaction, recording and the answer are shared. */
export interface WebhookRoute {
  path: string;
  source: string;
  /** Judges the raw body and headers: authentication first, then whether the body must be readable. */
  admit: (req: express.Request, body: Buffer) => Admission;
  /** Headers carrying this route's credentials, redacted like Authorization before the delivery is stored. */
  secretHeaders?: readonly string[];
}

/** AIDA's rule: any JSON is accepted, and a body that is not JSON gets 400. */
export const admitJson: WebhookRoute['admit'] = (_req, body) => {
  const parsed = parseJsonBody(body);
  return parsed.ok ? { json: parsed.value } : { rejection: { status: 400, reason: parsed.reason } };
};

/** Reads, records and answers one delivery: durable before the 2xx, and a refusal recorded with its reason. */
export function receiveDelivery(
  ingest: IngestQueue,
  log: (line: string) => void,
  route: WebhookRoute,
  guard: (req: express.Request) => Refusal | undefined = () => undefined,
): express.RequestHandler {
  return async (req, res) => {
    const receivedAt = new Date().toISOString();
    const read = await readBody(req);
    const refusal = guard(req);
    const judged: Admission = refusal
      ? { rejection: refusal }
      : read.tooLarge
        ? { rejection: { status: 413, reason: `body of ${read.length} bytes is over the ${MAX_BODY_BYTES}-byte limit` } }
        : route.admit(req, read.body);
    const headers = redactHeaders(req.headers);
    for (const name of route.secretHeaders ?? []) {
      if (headers[name.toLowerCase()] !== undefined) headers[name.toLowerCase()] = '[redacted]';
    }
    try {
      const result = await ingest.submit({
        source: route.source,
        receivedAt,
        remoteAddr: req.socket.remoteAddress,
        headers,
        body: read.body,
        bodyLength: read.length,
        ...('rejection' in judged ? { rejection: judged.rejection } : judged.json !== undefined ? { json: judged.json } : {}),
      });
      if (read.abandoned) res.set('Connection', 'close');
      res
        .status(result.status)
        .json(
          result.outcome === 'rejected'
            ? { error: result.reason }
            : { received: true, deliveryId: result.deliveryId, duplicate: result.outcome === 'duplicate' },
        );
    } catch (err) {
      // Not stored, so not acknowledged: a 503 makes the machine retry rather than believe it was received.
      log(`webhook not stored: ${(err as Error).message}`);
      res.status(503).json({ error: 'the console could not store the message; retry' });
    }
  };
}

/**
 * The LAN-facing listener machines post to. Each delivery is durable before it is answered; a refused one (not JSON,
 * too large) is recorded with its reason and the listener keeps serving.
 */
export function createWebhookApp(
  ingest: IngestQueue,
  log: (line: string) => void,
  routes: readonly WebhookRoute[] = [],
  protection: ListenerProtection = { allowFrom: [], token: undefined },
): express.Express {
  const guard = listenerGuard(protection);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  app.get('/health', (_req, res) => {
    res.json({ ok: true });
  });

  // With a listener token, a machine may carry it as the URL's last segment (webhook URLs rarely allow headers).
  const paths = (path: string) => (protection.token !== undefined ? [path, `${path}/:token`] : [path]);
  app.post(paths(AIDA_WEBHOOK_PATH), receiveDelivery(ingest, log, { path: AIDA_WEBHOOK_PATH, source: 'aida', admit: admitJson }, guard));
  for (const route of routes) app.post(paths(route.path), receiveDelivery(ingest, log, route, guard));

  return app;
}

export function listen(app: express.Express, host: string, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    server.once('listening', () => resolve(server));
    server.once('error', reject);
  });
}

export function boundPort(server: Server): number {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server is not listening on a TCP port');
  return address.port;
}
