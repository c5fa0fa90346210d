import { afterEach, describe, expect, it } from 'vitest';
import type { ConfigFile } from '../../../electron/core/config/schema';
import type { AidaSimulator } from '../../../electron/core/simulator/aida-simulator';
import { SCENARIOS } from '../../../electron/core/simulator/scenarios';
import { startTestConsole, testConfig, type TestConsole } from '../../helpers/core';

let core: TestConsole | undefined;

afterEach(async () => {
  await core?.stop();
  core = undefined;
});

async function trainingConsole(training: NonNullable<ConfigFile['training']>) {
  core = await startTestConsole(testConfig({ training: { speed: 1000, seed: 'console-test', ...training } }));
  return core;
}

/**
 * Waits until the simulator has answered `count` requests on `path` — failing the test if it has not within 5 s —
 * then until the machine waits for the outside world.
 */
async function afterCall(sim: AidaSimulator, path: string, count = 1): Promise<void> {
  const answered = () => sim.calls.filter((c) => c.path.startsWith(path) && c.status !== undefined).length;
  await expect
    .poll(answered, { timeout: 5000, interval: 10, message: `the simulator answered ${count} request(s) on ${path}` })
    .toBeGreaterThanOrEqual(count);
  await sim.settled();
}

const START = '/aida/v1/workflow-scheduler/start';

describe('training mode in the real console', () => {
  it('registers two simulated machines, each with its own identity and REST port, and tells their jobs apart', async () => {
    const c = await trainingConsole({ machines: 2, scenario: 'normal-batch' });
    const snapshot = await c.handlers.getSnapshot({});
    if (!snapshot.ok) throw new Error(snapshot.error.message);
    expect(snapshot.value.training?.machines.map((m) => [m.machineId, m.label, m.kind, m.scheduler])).toEqual([
      ['training', 'Training machine A (simulator)', 'box', 'Stopped'],
      ['training-2', 'Training machine B (simulator)', 'box', 'Stopped'],
    ]);
    expect(snapshot.value.training?.scenarios.length).toBe(SCENARIOS.length);
    const [a, b] = c.training?.simulators ?? [];
    if (!a || !b) throw new Error('two simulators expected');
    expect(a.url).not.toBe(b.url);
    expect(a.identity.machineSerial).not.toBe(b.identity.machineSerial);

    await c.handlers.startIssuance({ machineId: 'training', stopAfter: 2 });
    await c.handlers.startIssuance({ machineId: 'training-2', stopAfter: 3 });
    await afterCall(a, START);
    await afterCall(b, START);
    const jobs = async (machineId: string) => {
      const page = await c.handlers.listJobs({ machineId, offset: 0, limit: 10 });
      return page.ok ? page.value.rows.map((j) => j.status) : [];
    };
    expect(await jobs('training')).toEqual(['Completed', 'Completed']);
    expect(await jobs('training-2')).toEqual(['Completed', 'Completed', 'Completed']);
    const after = await c.handlers.getSnapshot({});
    expect(after.ok && after.value.machines.map((m) => [m.id, m.scheduler, m.stopReason])).toEqual([
      ['training', 'stopped', 'BatchCompleted'],
      ['training-2', 'stopped', 'BatchCompleted'],
    ]);
  });

  it('plays the feeder-empty exercise: suspension, cards loaded by the trainee, Resume from the console', async () => {
    const c = await trainingConsole({ scenario: 'feeder-empty', feederCapacity: 1, cardsPerBatch: 2 });
    const sim = c.simulator as AidaSimulator;
    await c.handlers.startIssuance({ machineId: 'training' });
    await afterCall(sim, START);
    const suspended = await c.handlers.getSnapshot({});
    expect(suspended.ok && suspended.value.machines[0]).toMatchObject({ scheduler: 'suspended', suspension: { code: 'FeederEmpty', resumable: true } });

    const loaded = await c.handlers.trainingAction({ machineId: 'training', action: 'load-cards', count: 10 });
    expect(loaded.ok && loaded.value.machines[0]?.cardsInFeeder).toBe(10);
    expect(c.events.some((e) => e.type === 'training' && e.training.machines[0]?.cardsInFeeder === 10)).toBe(true);

    await c.handlers.resume({ machineId: 'training' });
    await afterCall(sim, '/aida/v1/workflow-scheduler/resume');
    const done = await c.handlers.getSnapshot({});
    expect(done.ok && done.value.machines[0]).toMatchObject({ scheduler: 'stopped', stopReason: 'BatchCompleted' });
    expect(done.ok && done.value.training?.machines[0]?.cardsInFeeder).toBe(9);
  });

  it('makes the machine a desktop system for the desktop card-jam scenario, and refuses a change while running', async () => {
    const c = await trainingConsole({ scenario: 'ocr-review' });
    const chosen = await c.handlers.trainingAction({ machineId: 'training', action: 'select-scenario', scenarioId: 'card-jam-desktop' });
    expect(chosen.ok && chosen.value.machines[0]).toMatchObject({ scenarioId: 'card-jam-desktop', kind: 'desktop' });
    const machines = await c.handlers.getSnapshot({});
    expect(machines.ok && machines.value.machines[0]?.kind).toBe('desktop');
    expect(c.events.some((e) => e.type === 'machines' && e.machines[0]?.kind === 'desktop')).toBe(true);

    await c.handlers.trainingAction({ machineId: 'training', action: 'select-scenario', scenarioId: 'ocr-review' });
    await c.handlers.startIssuance({ machineId: 'training', stopAfter: 1 });
    await afterCall(c.simulator as AidaSimulator, START);
    const refused = await c.handlers.trainingAction({ machineId: 'training', action: 'select-scenario', scenarioId: 'normal-batch' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    expect(await c.handlers.trainingAction({ machineId: 'nowhere', action: 'clear-jam' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('lets the console approve an OCR read exactly once', async () => {
    const c = await trainingConsole({ scenario: 'ocr-review' });
    const sim = c.simulator as AidaSimulator;
    await c.handlers.startIssuance({ machineId: 'training', stopAfter: 1 });
    await afterCall(sim, START);
    const reviews = await c.handlers.listReviews({ limit: 10 });
    const review = reviews.ok ? reviews.value.queue[0] : undefined;
    expect(review).toMatchObject({ kind: 'ocr', machineId: 'training' });
    await c.handlers.decide({ reviewId: review?.id ?? 0, outcome: 'Completed' });
    await c.handlers.decide({ reviewId: review?.id ?? 0, outcome: 'Completed' });
    await afterCall(sim, '/aida/v1/workflow-scheduler/workflows/signal');
    expect(sim.calls.filter((call) => call.path.includes('/signal/'))).toEqual([
      expect.objectContaining({ status: 200, body: expect.objectContaining({ outcome: 'Completed' }) }),
    ]);
    const done = await c.handlers.getSnapshot({});
    expect(done.ok && done.value.machines[0]).toMatchObject({ scheduler: 'stopped', stopReason: 'BatchCompleted' });
  });

  it('says so when a training action is asked of a console that is not training', async () => {
    core = await startTestConsole(testConfig({ machines: [{ id: 'm1', apiUrl: 'http://127.0.0.1:9', kind: 'box' }] }));
    expect(await core.handlers.trainingAction({ machineId: 'training', action: 'close-cover' })).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
  });
});
