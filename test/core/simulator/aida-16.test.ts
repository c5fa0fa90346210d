import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AidaSimulator } from '../../../electron/core/simulator/aida-simulator';
import { TrainingFloor } from '../../../electron/core/simulator/training';
import { api, startReceiver, startSimulator, summary, WS, type Body, type Receiver } from './receiver';

let receivers: Receiver[] = [];
let sims: AidaSimulator[] = [];
let floor: TrainingFloor | undefined;

afterEach(async () => {
  await floor?.stop();
  await Promise.all(sims.map((s) => s.stop()));
  await Promise.all(receivers.map((r) => r.close()));
  floor = undefined;
  sims = [];
  receivers = [];
});

async function simulator(options: Parameters<typeof startSimulator>[1] = {}) {
  const r = await startReceiver();
  const s = await startSimulator(r, options);
  receivers.push(r);
  sims.push(s);
  return { r, s };
}

const take = (r: Receiver) => r.bodies.splice(0).map(summary);
const SIGNAL = `${WS}/workflows/signal/external-process-completed`;

describe('AIDA 1.6 in the simulator', () => {
  it('reports a barcode decoded on every card, and suspends the job for a decision only on the cards that wait', async () => {
    const { r, s } = await simulator({ scenario: 'barcode-decoded' });
    await api(s, 'POST', `${WS}/start`, { stopAfter: 2 });
    await s.settled();
    const decoded = r.bodies.filter((b) => b['messageType'] === 'BarcodeDecoded');
    expect(decoded.map((b) => [b['jobId'], b['jobStatus']])).toEqual([
      ['1', 'Running'],
      ['2', 'Suspended'],
    ]);
    expect(decoded[0]).toMatchObject({
      discriminator: 'IXLA.Box.Services.Workflow.Messaging.Signals.BarcodeReadExecutedMessage',
      results: [{ inspectionName: 'Pdf417Back', ocrResult: { text: 'TRAINING|L898902C3|ERIKSSON|ANNA', meanConfidence: 0.99 } }],
    });
    // The reported card went on without a signal; the waiting one waits.
    expect(r.bodies.map(summary)).toContain('WorkflowCompleted 1 Completed');
    expect(r.bodies.map(summary)).not.toContain('WorkflowCompleted 2 Completed');
    take(r);
    const rejected = await api(s, 'POST', SIGNAL, { workflowInstanceId: decoded[1]?.['workflowInstanceId'], outcome: 'Faulted', errorReason: 'unreadable' });
    expect(rejected.status).toBe(200);
    await s.settled();
    expect(take(r)).toEqual(['WorkflowFaulted 2 Faulted BarcodeExternalValidationKo', 'WorkflowSchedulerStopped BatchCompleted']);
  });

  it('says Stopping before Stopped when issuance is stopped', async () => {
    const { r, s } = await simulator({ scenario: 'normal-batch' });
    await api(s, 'POST', `${WS}/start`, { stopAfter: 50 });
    await api(s, 'POST', `${WS}/stop?stopAllRunningWorkflows=true`);
    await s.settled();
    const scheduler = r.bodies.map((b) => b['messageType'] as string).filter((t) => t.startsWith('WorkflowScheduler'));
    expect(scheduler).toEqual(['WorkflowSchedulerStarted', 'WorkflowSchedulerStopping', 'WorkflowSchedulerStopped']);
  });

  it('serves machine/status from what a person does at the machine: covers and feeders, and the scheduler', async () => {
    const { s } = await simulator({ scenario: 'open-interlock' });
    await api(s, 'POST', `${WS}/start`, { stopAfter: 3 });
    await s.settled();
    expect((await api(s, 'GET', '/aida/v1/machine/status')).body).toMatchObject({
      transport: { isExecutingCommand: false, modules: [{ moduleStatus: 'Ready' }], feeders: [{ positionId: 'Input 1', status: 'Ready' }, { positionId: 'Input 2' }] },
      laserBoards: [{ hasOpenInterlocks: true, interlocks: [{ displayName: 'Front cover', isOpen: true }] }],
      hasOpenInterlocks: true,
      allFeedersEmpty: false,
      schedulerStatus: 'Running',
    });
    // The job held by the interlock is listed with its error code; no resume happens by closing the cover.
    const jobs = (await api(s, 'GET', `${WS}/job-instances/suspended`)).body as Body[];
    expect(jobs.map((j) => [j['jobId'], j['jobStatus'], j['errorCodes']])).toEqual([['2', 'Suspended', 'OpenInterlock']]);
    expect((await api(s, 'GET', `${WS}/resume-items`)).body).toMatchObject([{ jobId: '2', errorCode: 'OpenInterlock' }]);
    s.closeCover();
    expect((await api(s, 'GET', '/aida/v1/machine/status')).body).toMatchObject({ hasOpenInterlocks: false });
    expect(((await api(s, 'GET', `${WS}/job-instances/suspended`)).body as Body[]).length).toBe(1);
    expect((await api(s, 'GET', `${WS}/workflow-messages/pending`)).body).toEqual([]);
  });

  it('tells its version and model in system/info, and plays 1.0 without the 1.6 endpoints', async () => {
    const { s } = await simulator();
    expect((await api(s, 'GET', '/aida/v1/system/info')).body).toEqual({
      serialNumber: 'SIM-0001',
      systemModel: 'AIDA box (simulated)',
      ipAddress: '127.0.0.1',
      serverVersion: '1.6.3+simulator',
    });
    const { s: old } = await simulator({ apiVersion: '1.0' });
    expect((await api(old, 'GET', '/aida/v1/system/info')).body).toMatchObject({ serverVersion: '1.0.721-rc.9+simulator' });
    expect((await api(old, 'GET', '/aida/v1/machine/status')).status).toBe(404);
    expect((await api(old, 'GET', `${WS}/job-instances/suspended`)).status).toBe(404);
    expect((await api(old, 'GET', `${WS}/resume-items`)).status).toBe(200);
  });

  it('plays an AIDA mini in desktop scenarios: no token endpoint, no lists of suspended work, no machine/status', async () => {
    const credentials = { userName: 'operator', password: 'p4ss', clientId: 'console', clientSecret: 's3cret' };
    const { s } = await simulator({ scenario: 'card-jam-desktop', credentials });
    for (const path of ['/aida/v1/machine/status', `${WS}/job-instances/suspended`, `${WS}/workflow-messages/pending`, `${WS}/resume-items`]) {
      expect((await api(s, 'GET', path)).status, path).toBe(404);
    }
    expect((await fetch(`${s.url}/aida/v1/auth/token`, { method: 'POST', body: new FormData() })).status).toBe(404);
    // The mini declares Bearer but offers no way to get a token: its endpoints answer without one.
    expect((await api(s, 'GET', '/aida/v1/system/info')).body).toMatchObject({ systemModel: 'AIDA mini (simulated)' });
    expect((await api(s, 'GET', `${WS}/state`)).status).toBe(200);
  });

  it('reports its scheduler in Error, with details, when start fails, and posts no webhook about it', async () => {
    const { r, s } = await simulator({ scenario: 'scheduler-error' });
    expect((await api(s, 'POST', `${WS}/start`, { stopAfter: 3 })).status).toBe(200);
    await s.settled();
    expect(r.bodies).toEqual([]);
    expect((await api(s, 'GET', `${WS}/state`)).body).toMatchObject({
      status: 'Error',
      errors: ['JobTemplateDoesNotExists'],
      errorDetails: 'Job template "Training card" was not found in the job template store.',
    });
    await api(s, 'POST', `${WS}/stop?stopAllRunningWorkflows=false`);
    await s.settled();
    expect(take(r)).toEqual(['WorkflowSchedulerStopping ManualStop', 'WorkflowSchedulerStopped ManualStop ManualStop']);
    expect((await api(s, 'GET', `${WS}/state`)).body).toMatchObject({ status: 'Stopped', errors: [], errorDetails: null });
  });
});

describe('a MessageId reused by a second machine', () => {
  it('the second training machine sends messages under the MessageIds the first already used, its other fields its own', async () => {
    floor = await TrainingFloor.open({
      settings: { cardsPerBatch: 2, feederCapacity: 4, cardIntervalMs: 700, speed: 1000, machines: 2, scenario: 'normal-batch', seed: 'reuse' },
      webhookUrl: (receivers[0] = await startReceiver()).url,
      dataDir: mkdtempSync(join(tmpdir(), 'sim-reuse-')),
      log: () => {},
      reuseMessageIds: true,
    });
    const r = receivers[0];
    const [a, b] = floor.simulators;
    if (!a || !b) throw new Error('two simulators expected');
    await api(a, 'POST', `${WS}/start`, {});
    await a.settled();
    const fromA = r.bodies.splice(0);
    await api(b, 'POST', `${WS}/start`, {});
    await b.settled();
    const fromB = r.bodies.splice(0);
    expect(fromB.length).toBe(fromA.length);
    expect(fromB.map((m) => m['messageId'])).toEqual(fromA.map((m) => m['messageId']));
    expect(new Set(fromB.map((m) => m['machineSerial']))).toEqual(new Set(['SIM-0002']));
    expect(new Set(fromA.map((m) => m['machineSerial']))).toEqual(new Set(['SIM-0001']));
  });

  it('without the option, the two machines never share a MessageId', async () => {
    floor = await TrainingFloor.open({
      settings: { cardsPerBatch: 2, feederCapacity: 4, cardIntervalMs: 700, speed: 1000, machines: 2, scenario: 'normal-batch', seed: 'reuse' },
      webhookUrl: (receivers[0] = await startReceiver()).url,
      dataDir: mkdtempSync(join(tmpdir(), 'sim-reuse-')),
      log: () => {},
    });
    const r = receivers[0];
    for (const sim of floor.simulators) {
      await api(sim, 'POST', `${WS}/start`, {});
      await sim.settled();
    }
    const ids = r.bodies.map((m) => m['messageId']);
    expect(ids.length).toBeGreaterThan(8);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
