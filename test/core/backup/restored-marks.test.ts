import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { restoreBackup } from '../../../electron/core/backup/restore';
import type { ConsoleOptions } from '../../../electron/core/console';
import { ocrExecuted, SIGNAL_PATH, SUSPENDED_PATH, workflowCompleted } from '../../fixtures/aida';
import { reconciliations, startedPerTest, tempDir, testConfig, type TestConsole } from '../../helpers/core';
import type { FakeAida } from '../../helpers/fake-aida';
import { manualClock } from './helpers';

const started = startedPerTest();

async function consoleFor(aida: FakeAida, dataDir: string, options: ConsoleOptions = {}) {
  return started.console(testConfig({ machines: [{ id: 'm1', apiUrl: aida.url, kind: 'box' }] }, dataDir), {
    backup: { firstDelayMs: 60 * 60_000 },
    ...options,
  });
}

const signals = (aida: FakeAida) => aida.calls.filter((c) => c.path === SIGNAL_PATH);

async function queue(core: TestConsole) {
  const listed = await core.handlers.listReviews({ limit: 10 });
  if (!listed.ok) throw new Error(listed.error.message);
  return listed.value;
}

const reviewOf = async (core: TestConsole, jobId: string) => (await queue(core)).queue.find((r) => r.jobId === jobId);

/**
 * A backup made while job 41's approval was queued (its machine did not answer) and job 42's read waited for a
 * decision; then restored into a new data directory. Returns the restored directory and the queued command's id.
 */
async function restoredBackup(): Promise<{ dataDir: string; commandId: number }> {
  const down = await started.aida();
  down.respond(SIGNAL_PATH, 503, { error: 'starting' });
  const before = await consoleFor(down, tempDir(), { outboxTiming: { retryDelaysMs: [60_000] } });
  await before.post(ocrExecuted('41'));
  await before.post(ocrExecuted('42'));
  const review41 = await reviewOf(before, '41');
  const decided = await before.handlers.decide({ reviewId: review41?.id ?? 0, outcome: 'Completed' });
  expect(decided.ok && decided.value.state).toBe('queued');
  const made = await before.handlers.backUpNow({});
  expect(made.ok && made.value.last?.result).toBe('ok');
  await started.stop(before);

  const dataDir = tempDir();
  const clock = manualClock();
  const restored = await restoreBackup({
    file: made.ok ? (made.value.last?.file ?? '') : '',
    dataDir,
    durability: 'power-cut',
    backupDir: join(dataDir, 'backups'),
    now: clock.now,
  });
  expect(restored).toEqual({ ok: true, value: { keptAside: undefined, reviews: 2, commands: 1 } });
  return { dataDir, commandId: decided.ok ? decided.value.id : 0 };
}

describe('after a restore', () => {
  it('sends nothing queued by itself, refuses decisions, until a newer webhook settles each', async () => {
    const { dataDir, commandId } = await restoredBackup();
    const aida = await started.aida();
    // The machine's list of suspended jobs cannot be read: nothing settles the marks but a newer message.
    aida.respond(SUSPENDED_PATH, 500, { error: 'busy' });
    const core = await consoleFor(aida, dataDir);
    await reconciliations(core, 1);

    const snapshot = await core.handlers.getSnapshot({});
    const restoredCommand = snapshot.ok ? snapshot.value.commands.find((c) => c.id === commandId) : undefined;
    expect(restoredCommand).toMatchObject({ state: 'queued', restoredAt: '2026-03-02T03:00:00.000Z' });
    const [r41, r42] = [await reviewOf(core, '41'), await reviewOf(core, '42')];
    expect(r41).toMatchObject({ state: 'decided', restoredAt: '2026-03-02T03:00:00.000Z' });
    expect(r42).toMatchObject({ state: 'pending', restoredAt: '2026-03-02T03:00:00.000Z' });
    const refused = await core.handlers.decide({ reviewId: r42?.id ?? 0, outcome: 'Completed' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not-allowed', message: expect.stringContaining('check at the machine') } });
    const retried = await core.handlers.retryCommand({ commandId });
    expect(retried.ok).toBe(false);

    // The machine says job 41 went on: its approval is settled unsent, its review closed. Job 42 too.
    await core.post(workflowCompleted('41'));
    await core.post(workflowCompleted('42'));
    const settled = await core.waitForEvent((e) => e.type === 'commands' && e.commands.some((c) => c.id === commandId && c.state === 'failed'));
    expect(settled.type === 'commands' && settled.commands.find((c) => c.id === commandId)).toMatchObject({
      state: 'failed',
      outcome: expect.stringContaining('not sent: the machine moved on (WorkflowCompleted)'),
    });
    expect(settled.type === 'commands' && settled.commands[0]?.restoredAt).toBeUndefined();
    expect((await queue(core)).queue).toEqual([]);
    expect(signals(aida)).toEqual([]);
  });

  it("settles by the machine's list of suspended jobs: a decision may be sent again only by a person", async () => {
    const { dataDir, commandId } = await restoredBackup();
    const aida = await started.aida();
    aida.respond(SUSPENDED_PATH, 200, [{ id: 'wf-41' }, { id: 'wf-42' }]);
    const core = await consoleFor(aida, dataDir);
    const failed = await core.waitForEvent((e) => e.type === 'commands' && e.commands.some((c) => c.id === commandId && c.state === 'failed'));
    expect(failed.type === 'commands' && failed.commands.find((c) => c.id === commandId)).toMatchObject({
      outcome: expect.stringContaining('restored from a backup: the machine still waits on this job'),
    });
    const r42 = await reviewOf(core, '42');
    expect(r42?.restoredAt).toBeUndefined();
    expect(signals(aida)).toEqual([]);

    // Job 42 had no decision: it can be decided now, once.
    const decided = await core.handlers.decide({ reviewId: r42?.id ?? 0, outcome: 'Completed' });
    expect(decided.ok && decided.value.state).toBe('acknowledged');
    // Job 41's approval goes again only when a person, having checked the machine, sends it.
    expect(signals(aida).map((c) => c.body)).toEqual([{ workflowInstanceId: 'wf-42', outcome: 'Completed' }]);
    const again = await core.handlers.retryCommand({ commandId });
    expect(again.ok).toBe(true);
    await core.waitForEvent((e) => e.type === 'commands' && e.commands.some((c) => c.id === commandId && c.state === 'acknowledged'));
    expect(signals(aida).map((c) => (c.body as { workflowInstanceId: string }).workflowInstanceId)).toEqual(['wf-42', 'wf-41']);
  });
});
