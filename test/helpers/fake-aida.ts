import express from 'express';
import type { Server } from 'node:http';

export interface FakeAidaCall {
  method: string;
  path: string;
  query: Record<string, unknown>;
  body: unknown;
}

export interface FakeAida {
  url: string;
  calls: FakeAidaCall[];
  /** The calls that change something (POST), without the console's polling of state and metrics. */
  commands(): FakeAidaCall[];
  /** Answers by path (without query) from now on; default 200 []. */
  respond(path: string, status: number, body: unknown): void;
  /** Answers the next call to a path this way, then falls back to respond()'s answer. */
  respondOnce(path: string, status: number, body: unknown): void;
  close(): Promise<void>;
}

/** A stand-in for an AIDA machine's REST API that records what the console sent it. */
export async function startFakeAida(port = 0): Promise<FakeAida> {
  const calls: FakeAidaCall[] = [];
  const answers = new Map<string, { status: number; body: unknown }>();
  const once = new Map<string, { status: number; body: unknown }[]>();
  const app = express();
  app.use(express.json());
  app.all('/{*rest}', (req, res) => {
    calls.push({ method: req.method, path: req.path, query: { ...req.query }, body: req.body as unknown });
    const answer = once.get(req.path)?.shift() ?? answers.get(req.path) ?? { status: 200, body: [] };
    res.status(answer.status).json(answer.body);
  });
  const server: Server = await new Promise((r) => {
    const s = app.listen(port, '127.0.0.1', () => r(s));
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    calls,
    commands: () => calls.filter((c) => c.method !== 'GET'),
    respond(path, status, body) {
      answers.set(path, { status, body });
    },
    respondOnce(path, status, body) {
      once.set(path, [...(once.get(path) ?? []), { status, body }]);
    },
    close: () =>
      new Promise((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
