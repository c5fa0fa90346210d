import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import type { AidaSimulator } from '../../../electron/core/simulator/aida-simulator';
import { listen } from '../../../electron/core/webhooks/listener';
import { api, startReceiver, startSimulator, summary, WS, type Receiver } from './receiver';

let receiver: Receiver | undefined;
let sim: AidaSimulator | undefined;

afterEach(async () => {
  await sim?.stop();
  await receiver?.close();
  sim = undefined;
  receiver = undefined;
});

async function closedPortUrl(): Promise<string> {
  const server = await listen(express(), '127.0.0.1', 0);
  const address = server.address();
  await new Promise((r) => server.close(r));
  if (!address || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}/ixla/aida/v1/webhooks`;
}

describe('webhook delivery', () => {
  it('posts one message at a time, in order, each only after the previous was answered', async () => {
    receiver = await startReceiver();
    let inFlight = 0;
    let most = 0;
    receiver.answer = () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      setTimeout(() => (inFlight -= 1), 15);
      return { delayMs: 15 };
    };
    sim = await startSimulator(receiver, { scenario: 'normal-batch' });
    await api(sim, 'POST', `${WS}/start`, { stopAfter: 3 });
    await sim.settled();
    expect(most).toBe(1);
    expect(receiver.bodies.map((b) => b['messageId'])).toEqual(sim.webhooks.map((w) => w.body.messageId));
    expect(sim.webhooks.every((w) => w.outcome.kind === 'acknowledged')).toBe(true);
  });

  it('faults the job whose message the console did not answer within the ack timeout', async () => {
    receiver = await startReceiver();
    receiver.answer = (b) => (b['messageType'] === 'WorkflowStarted' && b['jobId'] === '2' ? { delayMs: 600 } : undefined);
    sim = await startSimulator(receiver, { scenario: 'normal-batch', ackTimeoutMs: 150 });
    await api(sim, 'POST', `${WS}/start`, { stopAfter: 3 });
    await sim.settled();
    expect(receiver.bodies.map(summary)).toEqual([
      'WorkflowSchedulerStarted',
      'WorkflowStarted 1 Running',
      'WorkflowStarted 2 Running',
      'WorkflowFaulted 2 Faulted WebhookAckTimeout',
      // Its place in the line is free at once: the next card is fed while card 1 is still being engraved.
      'WorkflowStarted 3 Running',
      'WorkflowCompleted 1 Completed',
      'WorkflowCompleted 3 Completed',
      'WorkflowSchedulerStopped BatchCompleted',
    ]);
    expect(sim.webhooks[2]?.outcome).toEqual({ kind: 'ack-timeout' });
  });

  it('stops issuance with WebhooksServerUnreachable when the console cannot be reached', async () => {
    receiver = await startReceiver();
    sim = await startSimulator(receiver, { scenario: 'normal-batch', webhookUrl: await closedPortUrl(), maxConnectionRetries: 1 });
    await api(sim, 'POST', `${WS}/start`, { stopAfter: 3 });
    await sim.settled();
    // Not even the start could be told: no card is fed.
    expect(sim.webhooks.map((w) => `${w.body.messageType} ${w.outcome.kind}`)).toEqual([
      'WorkflowSchedulerStarted unreachable',
      'WorkflowSchedulerStopped unreachable',
    ]);
    expect(sim.webhooks[0]?.outcome).toMatchObject({ error: 'ECONNREFUSED' });
    expect((await api(sim, 'GET', `${WS}/state`)).body).toMatchObject({ status: 'Stopped', stopReason: 'WebhooksServerUnreachable', errors: ['WebhooksServerUnreachable'] });
  });

  it('sends a message again after a 5xx ("not stored, retry"), not after a 4xx', async () => {
    receiver = await startReceiver();
    let failedOnce = false;
    receiver.answer = (b) => {
      if (b['messageType'] === 'WorkflowSchedulerStarted' && !failedOnce) {
        failedOnce = true;
        return { status: 503 };
      }
      return b['messageType'] === 'WorkflowStarted' && b['jobId'] === '1' ? { status: 400 } : undefined;
    };
    sim = await startSimulator(receiver, { scenario: 'normal-batch' });
    await api(sim, 'POST', `${WS}/start`, { stopAfter: 1 });
    await sim.settled();
    expect(receiver.bodies.map(summary)).toEqual([
      'WorkflowSchedulerStarted',
      'WorkflowSchedulerStarted',
      'WorkflowStarted 1 Running',
      'WorkflowCompleted 1 Completed',
      'WorkflowSchedulerStopped BatchCompleted',
    ]);
    expect(receiver.bodies[0]?.['messageId']).toBe(receiver.bodies[1]?.['messageId']);
    expect(sim.webhooks.map((w) => w.outcome)).toEqual([
      { kind: 'acknowledged', status: 200 },
      { kind: 'refused', status: 400 },
      { kind: 'acknowledged', status: 200 },
      { kind: 'acknowledged', status: 200 },
    ]);
  });
});
