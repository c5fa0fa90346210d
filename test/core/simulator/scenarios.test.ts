import { afterEach, describe, expect, it } from 'vitest';
import type { AidaSimulator } from '../../../electron/core/simulator/aida-simulator';
import { SCENARIO_IDS, SCENARIOS } from '../../../electron/core/simulator/scenarios';
import { api, startReceiver, startSimulator, summary, WS, type Body, type Receiver } from './receiver';

let receiver: Receiver | undefined;
let sim: AidaSimulator | undefined;

afterEach(async () => {
  await sim?.stop();
  await receiver?.close();
  sim = undefined;
  receiver = undefined;
});

async function run(scenario: string, stopAfter: number, options: Parameters<typeof startSimulator>[1] = {}) {
  receiver = await startReceiver();
  sim = await startSimulator(receiver, { scenario, ...options });
  const start = await api(sim, 'POST', `${WS}/start`, { stopAfter });
  expect(start.status).toBe(200);
  await sim.settled();
  return { receiver, sim };
}

/** Takes what arrived since the last call: one step of a scenario. */
function take(r: Receiver): string[] {
  const seen = r.bodies.map(summary);
  r.bodies.length = 0;
  return seen;
}

const signal = (s: AidaSimulator, body: Body) => api(s, 'POST', `${WS}/workflows/signal/external-process-completed`, body);
const byType = (r: Receiver, type: string) => r.bodies.filter((b) => b['messageType'] === type);

describe('the scenario catalogue', () => {
  it('lists every scenario once, in the order of its ids', () => {
    expect(SCENARIOS.map((s) => s.id)).toEqual([...SCENARIO_IDS]);
  });
});

describe('training scenarios, played against a stand-in console', () => {
  it('normal batch: every card produced, then BatchCompleted', async () => {
    const { receiver: r } = await run('normal-batch', 4);
    const completed = byType(r, 'WorkflowCompleted');
    expect(completed.every((b) => b['documentProduced'] === true && b['destructiveOperationExecuted'] === true)).toBe(true);
    expect(take(r)).toEqual([
      'WorkflowSchedulerStarted',
      'WorkflowStarted 1 Running',
      'WorkflowStarted 2 Running',
      'WorkflowCompleted 1 Completed',
      'WorkflowStarted 3 Running',
      'WorkflowCompleted 2 Completed',
      'WorkflowStarted 4 Running',
      'WorkflowCompleted 3 Completed',
      'WorkflowCompleted 4 Completed',
      'WorkflowSchedulerStopped BatchCompleted',
    ]);
  });

  it('feeder empty after N cards: suspends, suspends again while empty, goes on once loaded', async () => {
    const { receiver: r, sim: s } = await run('feeder-empty', 5, { feederCapacity: 3 });
    expect(take(r)).toEqual([
      'WorkflowSchedulerStarted',
      'WorkflowStarted 1 Running',
      'WorkflowStarted 2 Running',
      'WorkflowCompleted 1 Completed',
      'WorkflowStarted 3 Running',
      'WorkflowCompleted 2 Completed',
      'WorkflowSchedulerSuspended FeederEmpty',
      // The cards already inside finish while the feeder is empty.
      'WorkflowCompleted 3 Completed',
    ]);
    expect((await api(s, 'GET', `${WS}/state`)).body).toMatchObject({ status: 'FeederEmpty', errors: ['FeederEmpty'], queuedOrderIds: [4, 5] });

    expect((await api(s, 'POST', `${WS}/resume`)).body).toEqual([]);
    await s.settled();
    expect(take(r)).toEqual(['WorkflowSchedulerSuspended FeederEmpty']);

    s.loadCards(10);
    await api(s, 'POST', `${WS}/resume`);
    await s.settled();
    expect(take(r)).toEqual([
      'WorkflowStarted 4 Running',
      'WorkflowStarted 5 Running',
      'WorkflowCompleted 4 Completed',
      'WorkflowCompleted 5 Completed',
      'WorkflowSchedulerStopped BatchCompleted',
    ]);
  });

  it('feeder empty, then Stop: Stopping, then Stopped with stop reason FeederEmpty', async () => {
    const { receiver: r, sim: s } = await run('feeder-empty', 5, { feederCapacity: 1 });
    take(r);
    await api(s, 'POST', `${WS}/stop?stopRunningWorkflows=false&stopAllRunningWorkflows=false`);
    await s.settled();
    expect(take(r)).toEqual(['WorkflowSchedulerStopping FeederEmpty', 'HealthCheck', 'WorkflowSchedulerStopped FeederEmpty FeederEmpty']);
    expect((await api(s, 'GET', `${WS}/state`)).body).toMatchObject({ status: 'Stopped', stopReason: 'FeederEmpty' });
  });

  it('open interlock before engraving: the job suspends unengraved; Resume works once the cover is closed', async () => {
    const { receiver: r, sim: s } = await run('open-interlock', 3);
    const [suspended] = byType(r, 'WorkflowSchedulerSuspended');
    expect(suspended).toMatchObject({ jobId: '2', errorCode: 'OpenInterlock', jobStatus: 'Suspended', destructiveOperationExecuted: false });
    expect(take(r)).toEqual([
      'WorkflowSchedulerStarted',
      'WorkflowStarted 1 Running',
      'WorkflowStarted 2 Running',
      'WorkflowSchedulerSuspended 2 Suspended OpenInterlock',
    ]);
    expect(s.physical.coverOpen).toBe(true);
    // The scheduler reports Running: only the suspended workflow tells (PROTOCOLS.md).
    expect((await api(s, 'GET', `${WS}/state`)).body).toMatchObject({ status: 'Running', errors: [] });
    expect((await api(s, 'GET', `${WS}/resume-items`)).body).toEqual([
      // errorCode is required by the vendor's ResumeItem schema.
      { jobInstanceId: 2, jobId: '2', correlationId: 'B0001-0002', workflowInstanceId: suspended?.['workflowInstanceId'], errorCode: 'OpenInterlock' },
    ]);

    await api(s, 'POST', `${WS}/resume`);
    await s.settled();
    expect(take(r)).toEqual(['WorkflowSchedulerSuspended 2 Suspended OpenInterlock']);

    s.closeCover();
    const resumed = await api(s, 'POST', `${WS}/resume`);
    expect(resumed.body).toEqual([expect.objectContaining({ jobId: '2', workflowInstanceId: suspended?.['workflowInstanceId'] })]);
    await s.settled();
    expect(take(r)).toEqual([
      'WorkflowCompleted 1 Completed',
      'WorkflowStarted 3 Running',
      'WorkflowCompleted 2 Completed',
      'WorkflowCompleted 3 Completed',
      'WorkflowSchedulerStopped BatchCompleted',
    ]);
  });

  it('card jam on a box system: a recoverable suspension; Resume works once the jam is cleared', async () => {
    const { receiver: r, sim: s } = await run('card-jam-box', 4);
    expect(take(r)).toEqual([
      'WorkflowSchedulerStarted',
      'WorkflowStarted 1 Running',
      'WorkflowStarted 2 Running',
      'WorkflowCompleted 1 Completed',
      'WorkflowStarted 3 Running',
      'WorkflowCompleted 2 Completed',
      'WorkflowSchedulerSuspended 3 Suspended CardJam',
    ]);
    expect(s.physical.jammed).toBe(true);
    await api(s, 'POST', `${WS}/resume`);
    await s.settled();
    expect(take(r)).toEqual(['WorkflowSchedulerSuspended 3 Suspended CardJam']);
    s.clearJam();
    await api(s, 'POST', `${WS}/resume`);
    await s.settled();
    expect(take(r)).toEqual([
      'WorkflowStarted 4 Running',
      'WorkflowCompleted 3 Completed',
      'WorkflowCompleted 4 Completed',
      'WorkflowSchedulerStopped BatchCompleted',
    ]);
  });

  it('card jam on a desktop system: fault, the other job cancelled naming its source, scheduler stopped', async () => {
    const { receiver: r, sim: s } = await run('card-jam-desktop', 5);
    const [faulted] = byType(r, 'WorkflowFaulted');
    const [cancelled] = byType(r, 'WorkflowCancelled');
    const [stopped] = byType(r, 'WorkflowSchedulerStopped');
    // Jammed on its way to the stacker after engraving: all perso operations were done.
    expect(faulted).toMatchObject({ jobId: '3', errorCode: 'CardJam', documentProduced: true, destructiveOperationExecuted: true });
    expect(cancelled).toMatchObject({
      jobId: '4',
      errorCode: 'CardJam',
      documentProduced: false,
      destructiveOperationExecuted: true,
      sourceJobInstanceId: faulted?.['workflowInstanceId'],
    });
    expect(stopped).toMatchObject({ stopReason: 'CardJam', sourceJobInstanceId: faulted?.['workflowInstanceId'] });
    expect(take(r)).toEqual([
      'WorkflowSchedulerStarted',
      'WorkflowStarted 1 Running',
      'WorkflowStarted 2 Running',
      'WorkflowCompleted 1 Completed',
      'WorkflowStarted 3 Running',
      'WorkflowCompleted 2 Completed',
      'WorkflowStarted 4 Running',
      'WorkflowFaulted 3 Faulted CardJam',
      'WorkflowCancelled 4 Cancelled CardJam',
      'WorkflowSchedulerStopped CardJam CardJam',
    ]);
    expect((await api(s, 'GET', `${WS}/state`)).body).toMatchObject({ status: 'Stopped', stopReason: 'CardJam', stopSourceJobId: '3' });
    expect((await api(s, 'POST', `${WS}/resume`)).body).toEqual([]);

    // Starting with the card still stuck: the transport cannot be reset.
    await api(s, 'POST', `${WS}/start`, { stopAfter: 1 });
    await s.settled();
    expect(take(r)).toEqual(['WorkflowSchedulerStopped TransportResetFailed']);
    s.clearJam();
    await api(s, 'POST', `${WS}/start`, { stopAfter: 1 });
    await s.settled();
    expect(take(r)).toEqual(['WorkflowSchedulerStarted', 'WorkflowStarted 6 Running', 'WorkflowCompleted 6 Completed', 'WorkflowSchedulerStopped BatchCompleted']);
  });

  it('OCR reads of varied confidence: each job waits for approval or rejection', async () => {
    const { receiver: r, sim: s } = await run('ocr-review', 4);
    const reads = byType(r, 'OcrExecuted');
    expect(reads.map((b) => b['jobId'])).toEqual(['1', '2']);
    expect(reads[0]).toMatchObject({
      jobStatus: 'Suspended',
      destructiveOperationExecuted: true,
      documentProduced: false,
      results: [
        { inspectionName: 'MrzLine1', ocrResult: { text: 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', meanConfidence: 0.97 } },
        { inspectionName: 'MrzLine2', ocrResult: { text: 'L898902C36UTO7408122F1204159ZE184226B<<<<<10', meanConfidence: 0.95 } },
      ],
    });
    const confidences = (b: Body) => (b['results'] as { ocrResult: { meanConfidence: number } }[]).map((x) => x.ocrResult.meanConfidence);
    expect(Math.min(...confidences(reads[1] as Body))).toBeLessThan(0.7);
    expect(take(r)).toEqual(['WorkflowSchedulerStarted', 'WorkflowStarted 1 Running', 'WorkflowStarted 2 Running', 'OcrExecuted 1 Suspended', 'OcrExecuted 2 Suspended']);

    await signal(s, { workflowInstanceId: reads[1]?.['workflowInstanceId'], outcome: 'Faulted', errorReason: 'MRZ line 2 unreadable' });
    await s.settled();
    expect(take(r)).toEqual(['WorkflowFaulted 2 Faulted OcrExternalValidationKo', 'WorkflowStarted 3 Running', 'OcrExecuted 3 Suspended']);

    await signal(s, { workflowInstanceId: reads[0]?.['workflowInstanceId'], outcome: 'Completed' });
    await s.settled();
    expect(take(r)).toEqual(['WorkflowCompleted 1 Completed', 'WorkflowStarted 4 Running', 'OcrExecuted 4 Suspended']);
  });

  it('chip encoding: EncoderLoaded names the encoder and a CallbackUrl that signals the simulator itself', async () => {
    const { receiver: r, sim: s } = await run('chip-encoding', 2);
    const loaded = byType(r, 'EncoderLoaded');
    expect(loaded.map((b) => [b['jobId'], b['encoderId'], b['encoderIndex']])).toEqual([
      ['1', 'encoder_cl_1', 0],
      ['2', 'encoder_cl_2', 1],
    ]);
    expect(loaded[0]).toMatchObject({ destructiveOperationExecuted: false, callbackUrl: `${s.url}${WS}/workflows/signal/external-process-completed` });
    take(r);

    const viaCallback = await fetch(loaded[0]?.['callbackUrl'] as string, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ workflowInstanceId: loaded[0]?.['workflowInstanceId'], outcome: 'Completed' }),
    });
    expect(viaCallback.status).toBe(200);
    await s.settled();
    const [done] = byType(r, 'WorkflowCompleted');
    expect(done).toMatchObject({ jobId: '1', destructiveOperationExecuted: true, documentProduced: true });
    expect(take(r)).toEqual(['WorkflowCompleted 1 Completed']);

    await signal(s, { workflowInstanceId: loaded[1]?.['workflowInstanceId'], outcome: 'Canceled' });
    await s.settled();
    expect(take(r)).toEqual(['WorkflowFaulted 2 Faulted ChipPersonalizationFailed', 'WorkflowSchedulerStopped BatchCompleted']);
  });

  it('readbacks: magnetic stripe, OCR, chip and barcode, each waiting for validation', async () => {
    const { receiver: r, sim: s } = await run('readbacks', 4);
    const validations = ['MagneticStripeReadBack', 'OcrReadBack', 'EncoderLoaded', 'ChipReadBack', 'BarcodeReadBack'];
    for (let round = 0; round < 6; round++) {
      const answered = new Set(r.bodies.filter((b) => !validations.includes(b['messageType'] as string)).map((b) => b['messageId']));
      const open = r.bodies.filter((b) => validations.includes(b['messageType'] as string) && !answered.has(b['messageId']) && !b['answered']);
      if (open.length === 0) break;
      for (const b of open) {
        b['answered'] = true;
        expect((await signal(s, { workflowInstanceId: b['workflowInstanceId'], outcome: 'Completed' })).status).toBe(200);
      }
      await s.settled();
    }
    const pick = (type: string, keys: string[]) => {
      const b = byType(r, type)[0] as Body;
      return Object.fromEntries(keys.map((k) => [k, b[k]]));
    };
    expect(pick('MagneticStripeReadBack', ['jobId', 'track1Base64', 'track3Base64'])).toEqual({
      jobId: '1',
      track1Base64: Buffer.from('%B4000001234562345^TRAINEE/ANNA^3012101000000000000000?').toString('base64'),
      track3Base64: null,
    });
    expect(pick('OcrReadBack', ['jobId', 'text', 'meanConfidence'])).toEqual({ jobId: '2', text: 'L898902C3', meanConfidence: 0.88 });
    expect(pick('ChipReadBack', ['jobId', 'encoderId', 'encoderIndex'])).toEqual({ jobId: '3', encoderId: 'encoder_cl_1', encoderIndex: 0 });
    // AIDA 1.6 published BarcodeReadBackMessage: barcodeFormat, text, decodedBytes (base64).
    expect(pick('BarcodeReadBack', ['jobId', 'barcodeFormat', 'text', 'decodedBytes'])).toEqual({
      jobId: '4',
      barcodeFormat: 'PDF_417',
      text: 'TRAINING|L898902C3|ERIKSSON|ANNA',
      decodedBytes: Buffer.from('TRAINING|L898902C3|ERIKSSON|ANNA').toString('base64'),
    });
    expect(byType(r, 'MagneticStripeReadBack')[0]).toMatchObject({ destructiveOperationExecuted: true, jobStatus: 'Suspended' });
    expect(take(r).at(-1)).toBe('WorkflowSchedulerStopped BatchCompleted');
  });

  it('console answering too slowly: that job faults with WebhookAckTimeout and the batch goes on', async () => {
    const { receiver: r } = await run('slow-console', 4, { ackTimeoutMs: 300 });
    const lateStart = byType(r, 'WorkflowStarted').find((b) => b['jobId'] === '3');
    // The console did get the message: the machine gave up waiting for its answer.
    expect(lateStart).toBeDefined();
    expect(take(r)).toEqual([
      'WorkflowSchedulerStarted',
      'WorkflowStarted 1 Running',
      'WorkflowStarted 2 Running',
      'WorkflowCompleted 1 Completed',
      'WorkflowStarted 3 Running',
      'WorkflowFaulted 3 Faulted WebhookAckTimeout',
      'WorkflowCompleted 2 Completed',
      'WorkflowStarted 4 Running',
      'WorkflowCompleted 4 Completed',
      'WorkflowSchedulerStopped BatchCompleted',
    ]);
  });

  it('console unreachable: the machine faults the job, stops, and the console hears nothing until it asks', async () => {
    const { receiver: r, sim: s } = await run('console-unreachable', 5, { maxConnectionRetries: 1 });
    expect(take(r)).toEqual(['WorkflowSchedulerStarted', 'WorkflowStarted 1 Running', 'WorkflowStarted 2 Running', 'WorkflowCompleted 1 Completed']);
    expect(s.webhooks.slice(4).map((w) => `${w.body.messageType} ${String(w.body['jobId'])} ${w.outcome.kind}`)).toEqual([
      'WorkflowStarted 3 unreachable',
      'WorkflowFaulted 3 unreachable',
      'WorkflowCancelled 2 unreachable',
      'WorkflowSchedulerStopped null unreachable',
    ]);
    expect(s.webhooks[5]?.body).toMatchObject({ errorCode: 'WebhooksServerUnreachable' });
    expect((await api(s, 'GET', `${WS}/state`)).body).toMatchObject({
      status: 'Stopped',
      stopReason: 'WebhooksServerUnreachable',
      errors: ['WebhooksServerUnreachable'],
      stopSourceJobId: '3',
    });
    // The network is back once the machine has stopped.
    await api(s, 'POST', `${WS}/start`, { stopAfter: 1 });
    await s.settled();
    expect(take(r)).toEqual(['WorkflowSchedulerStarted', 'WorkflowStarted 6 Running', 'WorkflowCompleted 6 Completed', 'WorkflowSchedulerStopped BatchCompleted']);
  });
});
