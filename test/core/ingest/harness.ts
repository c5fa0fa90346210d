import { Agent, request } from 'node:http';
import type { Server } from 'node:http';
import { rmSync } from 'node:fs';
import { AidaSource } from '../../../electron/core/ingest/aida-source';
import { IngestQueue } from '../../../electron/core/ingest/ingest-queue';
import { openDatabase, type Db } from '../../../electron/core/store/database';
import { Store } from '../../../electron/core/store/store';
import { AIDA_WEBHOOK_PATH, boundPort, createWebhookApp, listen } from '../../../electron/core/webhooks/listener';
import { tempDir } from '../../helpers/core';

export interface DeliveryRow {
  id: number;
  body: Buffer;
  body_length: number;
  outcome: string;
  http_status: number;
  reason: string | null;
}

export interface Answer {
  status: number;
  json: unknown;
}

export interface PostOptions {
  contentType?: string;
  /** Sent with chunked transfer encoding instead of a Content-Length. */
  chunked?: boolean;
}

export interface IngestHarness {
  db: Db;
  /** The repositories over `db`: what the API would read. */
  store: Store;
  source: AidaSource;
  ingest: IngestQueue;
  /** Posts the body in the given pieces, each written separately, over a keep-alive connection. */
  post(pieces: readonly Uint8Array[], options?: PostOptions): Promise<Answer>;
  get(path: string): Promise<Answer>;
  deliveriesAfter(id: number): DeliveryRow[];
  lastDeliveryId(): number;
  close(): Promise<void>;
}

/**
 * The real ingest path without the rest of the console: the webhook listener on a loopback port, the ingest queue
 * with the AIDA source, and SQLite in a temp dir with the default durability (synchronous=FULL).
 */
export async function startIngest(machineIds: readonly string[] = ['m1']): Promise<IngestHarness> {
  const dataDir = tempDir('ic-ingest-');
  const db = openDatabase({ dataDir, durability: 'power-cut' });
  const store = new Store(db);
  const source = new AidaSource(store, () => machineIds.map((id) => ({ id })));
  const ingest = new IngestQueue(store, [source], () => {});
  const server: Server = await listen(createWebhookApp(ingest, () => {}), '127.0.0.1', 0);
  const port = boundPort(server);
  const agent = new Agent({ keepAlive: true, maxSockets: 32 });

  const send = (method: string, path: string, pieces: readonly Uint8Array[], options: PostOptions = {}) =>
    new Promise<Answer>((resolve, reject) => {
      const length = pieces.reduce((n, p) => n + p.length, 0);
      const headers: Record<string, string> = {};
      if (options.contentType !== undefined) headers['Content-Type'] = options.contentType;
      if (method === 'POST' && !options.chunked) headers['Content-Length'] = String(length);
      const req = request({ host: '127.0.0.1', port, method, path, agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, json: text === '' ? undefined : (JSON.parse(text) as unknown) });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      for (const piece of pieces) req.write(piece);
      req.end();
    });

  const rows = db.prepare<[number], DeliveryRow>(
    'SELECT id, body, body_length, outcome, http_status, reason FROM deliveries WHERE id > ? ORDER BY id',
  );
  const last = db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM deliveries');

  return {
    db,
    store,
    source,
    ingest,
    post: (pieces, options) => send('POST', AIDA_WEBHOOK_PATH, pieces, options),
    get: (path) => send('GET', path, []),
    deliveriesAfter: (id) => rows.all(id),
    lastDeliveryId: () => last.get()?.id ?? 0,
    async close() {
      agent.destroy();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      ingest.close();
      db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
