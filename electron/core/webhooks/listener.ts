import express from 'express';
import type { Server } from 'node:http';
import type { IngestQueue } from '../ingest/ingest-queue';
import { MAX_BODY_BYTES, parseJsonBody, readBody, redactHeaders } from './body';

export const AIDA_WEBHOOK_PATH = '/ixla/aida/v1/webhooks';

/**
 * The LAN-facing listener machines post to. Each delivery is durable before it is answered; a refused one (not JSON,
 * too large) is recorded with its reason and the listener keeps serving.
 */
export function createWebhookApp(ingest: IngestQueue, log: (line: string) => void): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  app.get('/health', (_req, res) => {
    res.json({ ok: true });
  });

  app.post(AIDA_WEBHOOK_PATH, async (req, res) => {
    const receivedAt = new Date().toISOString();
    const read = await readBody(req);
    const parsed = read.tooLarge ? undefined : parseJsonBody(read.body);
    const rejection = read.tooLarge
      ? { status: 413, reason: `body of ${read.length} bytes is over the ${MAX_BODY_BYTES}-byte limit` }
      : parsed && !parsed.ok
        ? { status: 400, reason: parsed.reason }
        : undefined;
    try {
      const result = await ingest.submit({
        source: 'aida',
        receivedAt,
        remoteAddr: req.socket.remoteAddress,
        headers: redactHeaders(req.headers),
        body: read.body,
        bodyLength: read.length,
        ...(rejection ? { rejection } : { json: parsed?.ok ? parsed.value : undefined }),
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
  });

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
