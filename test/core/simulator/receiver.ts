import express from 'express';
import type { Server } from 'node:http';
import { AidaSimulator, type SimulatorOptions } from '../../../electron/core/simulator/aida-simulator';

export type Body = Record<string, unknown>;

export interface Receiver {
  url: string;
  /** Every body received, in arrival order. */
  bodies: Body[];
  /** How the next requests are answered; default 200 at once. */
  answer: (body: Body) => { status?: number; delayMs?: number } | undefined;
  close(): Promise<void>;
}

/** A stand-in for the console's webhook listener: records what the machine posts and answers as told. */
export async function startReceiver(): Promise<Receiver> {
  const app = express();
  app.use(express.json());
  const receiver: Receiver = {
    url: '',
    bodies: [],
    answer: () => undefined,
    close: async () => {},
  };
  app.post('/ixla/aida/v1/webhooks', async (req, res) => {
    const body = req.body as Body;
    receiver.bodies.push(body);
    const how = receiver.answer(body) ?? {};
    if (how.delayMs) await new Promise((r) => setTimeout(r, how.delayMs));
    if (!res.writableEnded && !res.destroyed) res.status(how.status ?? 200).json({ received: true });
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  receiver.url = `http://127.0.0.1:${address.port}/ixla/aida/v1/webhooks`;
  receiver.close = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return receiver;
}

/** A simulator wired to `receiver`, fast and seeded, started. */
export async function startSimulator(receiver: Receiver, options: Partial<SimulatorOptions> = {}): Promise<AidaSimulator> {
  const sim = new AidaSimulator({
    webhookUrl: receiver.url,
    cardsPerBatch: 5,
    feederCapacity: 3,
    cardIntervalMs: 700,
    speed: 1000,
    seed: 'test-seed',
    ackTimeoutMs: 2000,
    ...options,
  });
  await sim.start();
  return sim;
}

/** The parts of a message that say what happened, for comparing sequences. */
export const summary = (b: Body) =>
  [b['messageType'], b['jobId'], b['jobStatus'], b['errorCode'], b['stopReason']].filter((v) => v !== null && v !== undefined && v !== 'NoErrors' && v !== 'None').join(' ');

export async function api(sim: AidaSimulator, method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${sim.url}${path}`, {
    method,
    headers: { ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

export const WS = '/aida/v1/workflow-scheduler';
