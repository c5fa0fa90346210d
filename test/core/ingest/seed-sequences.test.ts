import { afterEach, describe, expect, it } from 'vitest';
import {
  CASINGS,
  SEED_MESSAGE_NAMES,
  seedMessage,
  seedSequence,
  seedVerbatim,
  type Casing,
  type SeedSequenceName,
} from '../../fixtures/aida/seed';
import { startIngest, type Answer, type IngestHarness } from './harness';

let harness: IngestHarness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const json = (body: unknown): Uint8Array[] => [new TextEncoder().encode(JSON.stringify(body))];

/** Posts a seed sequence one message at a time, as the machine does, returning what the console knows after each. */
async function play(name: SeedSequenceName, casing: Casing) {
  harness = await startIngest();
  const { store } = harness;
  const states = [];
  for (const message of seedSequence(name, casing)) {
    const answer: Answer = await harness.post(json(message));
    expect(answer.status).toBe(200);
    // What the API would read: every acknowledged message folded in.
    harness.ingest.projectPending();
    states.push(store.machines.get('m1'));
  }
  return { states, job: (key: string) => store.jobs.get('m1', key) };
}

describe('the seed examples through the listener, the ingest queue and SQLite', () => {
  it('refuses the two examples exactly as the page prints them (not JSON) with 400, and keeps their bytes', async () => {
    harness = await startIngest();
    for (const name of ['encoder-loaded', 'feeder-empty'] as const) {
      const before = harness.lastDeliveryId();
      const answer = await harness.post([seedVerbatim(name)], { contentType: 'application/json' });
      expect(answer.status).toBe(400);
      const [row] = harness.deliveriesAfter(before);
      expect(row?.body.equals(seedVerbatim(name))).toBe(true);
    }
  });

  it('accepts every seed message, and knows the same message in the other casing for a duplicate', async () => {
    harness = await startIngest();
    for (const name of SEED_MESSAGE_NAMES) {
      const [first, second] = CASINGS.map((casing) => seedMessage(name, casing));
      expect(await harness.post(json(first)), name).toMatchObject({ status: 200, json: { duplicate: false } });
      expect(await harness.post(json(second)), name).toMatchObject({ status: 200, json: { duplicate: true } });
    }
  });
});

describe.each(CASINGS)('the seed sequences in %sCase', (casing) => {
  it('issuance startup: the scheduler runs and both jobs complete', async () => {
    const { states, job } = await play('issuanceStartup', casing);
    expect(states.map((s) => s.scheduler)).toEqual(['running', 'running', 'running', 'running', 'running']);
    expect([job('101')?.status, job('102')?.status]).toEqual(['Completed', 'Completed']);
  });

  it('chip encoding: the job waits in the encoder, then completes with its card produced', async () => {
    harness = await startIngest();
    const [started, loaded, completed] = seedSequence('chipEncoding', casing);
    const statusAfter = async (message: unknown) => {
      await harness?.post(json(message));
      harness?.ingest.projectPending();
      return harness?.store.jobs.get('m1', '40');
    };
    expect((await statusAfter(started))?.status).toBe('Running');
    expect(await statusAfter(loaded)).toMatchObject({ status: 'Suspended', workflowInstanceId: '19e37ccafbec489e843996aca2493eb9' });
    expect(await statusAfter(completed)).toMatchObject({ status: 'Completed', documentProduced: true });
  });

  it('feeder empty, then resume: suspended (the seed\'s Stopped without a reason), running again, then stopped', async () => {
    const { states, job } = await play('feederEmptyResume', casing);
    expect(states.map((s) => s.scheduler)).toEqual(['running', 'running', 'running', 'suspended', 'running', 'running', 'stopped']);
    expect(states[3]?.suspension?.code).toBe('FeederEmpty');
    expect(states[6]).toMatchObject({ stopReason: 'BatchCompleted' });
    expect(states[6]).not.toHaveProperty('suspension');
    expect([job('201')?.status, job('202')?.status]).toEqual(['Completed', 'Completed']);
  });

  it.each([
    ['feederEmptyStopWithFeederEmptyReason', 'FeederEmpty'],
    ['feederEmptyStopWithManualStopReason', 'ManualStop'],
  ] as const)('%s: suspended, stopping while the last card finishes, then stopped for good', async (name, reason) => {
    const { states, job } = await play(name, casing);
    expect(states.map((s) => s.scheduler)).toEqual([
      'running',
      'running',
      'running',
      'running',
      'suspended',
      'stopping',
      'stopping',
      'stopped',
    ]);
    // A Stopped message with a stop reason is a stop, never a suspension to resume, whatever its error code.
    expect(states[7]).toMatchObject({ stopReason: reason });
    expect(states[7]).not.toHaveProperty('suspension');
    expect(job('302')?.status ?? job('312')?.status).toBe('Completed');
  });

  it('card jam: the jammed job faults, the other is cancelled naming it, and issuance stops', async () => {
    const { states, job } = await play('cardJamCancelsOtherJobs', casing);
    expect(job('401')).toMatchObject({ status: 'Faulted', errorCode: 'CardJam', destructiveOperationExecuted: true });
    expect(job('402')).toMatchObject({ status: 'Cancelled', errorCode: 'CardJam', sourceJobInstanceId: '401' });
    expect(states.at(-1)).toMatchObject({ scheduler: 'stopped', stopReason: 'CardJam' });
  });
});
