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
  /** Next answers, by path (without query); default 200 []. */
  respond(path: string, status: number, body: unknown): void;
  close(): Promise<void>;
}

/** A stand-in for an AIDA machine's REST API that records what the console sent it. */
export async function startFakeAida(): Promise<FakeAida> {
  const calls: FakeAidaCall[] = [];
  const answers = new Map<string, { status: number; body: unknown }>();
  const app = express();
  app.use(express.json());
  app.all('/{*rest}', (req, res) => {
    calls.push({ method: req.method, path: req.path, query: { ...req.query }, body: req.body as unknown });
    const answer = answers.get(req.path) ?? { status: 200, body: [] };
    res.status(answer.status).json(answer.body);
  });
  const server: Server = await new Promise((r) => {
    const s = app.listen(0, '127.0.0.1', () => r(s));
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
    close: () => new Promise((r) => server.close(() => r())),
  };
}
