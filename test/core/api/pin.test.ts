import { describe, expect, it } from 'vitest';
import type { ConsoleEvent } from '../../../shared/api/contract';
import { pascalMessage } from '../../fixtures/aida';
import { consoleWithFakeAida } from '../../helpers/core';

const live = consoleWithFakeAida();
const PIN = '2468';

/**
 * A console with a supervisor PIN and a clock that stands still until the test moves it (a loaded machine must not
 * let real time run out a wait mid-test); one machine suspended (feeder empty).
 */
async function guarded() {
  let offset = 0;
  const start = Date.now();
  const { core, aida } = await live.start({}, { review: { supervisorPin: PIN } }, { now: () => new Date(start + offset) });
  await core.post(pascalMessage('WorkflowSchedulerSuspended', { ErrorCode: 'FeederEmpty' }));
  const abort = (pin?: string) => core.dispatch('abort', { machineId: 'm1', ...(pin !== undefined ? { pin } : {}) });
  const refusals = async () => {
    const page = await core.handlers.listPinRefusals({ offset: 0, limit: 100 });
    if (!page.ok) throw new Error(page.error.message);
    return page.value;
  };
  return { core, aida, abort, refusals, later: (ms: number) => (offset += ms) };
}

const aborts = (aida: { commands(): { path: string }[] }) => aida.commands().filter((c) => c.path.endsWith('/stop')).length;

describe('the shared supervisor PIN', () => {
  it('cannot be guessed at machine speed: after a wrong PIN every try waits, the right one too, and none is forwarded', async () => {
    const { aida, abort, refusals, later } = await guarded();
    const guesses = await Promise.all(Array.from({ length: 300 }, (_, i) => abort(String(1000 + i).padStart(4, '0'))));
    expect(guesses.every((g) => !g.ok)).toBe(true);
    // One guess was checked; the other 299 were refused unchecked during the wait it started.
    expect(guesses.filter((g) => !g.ok && g.error.message.startsWith('Wrong supervisor PIN'))).toHaveLength(1);
    expect(await abort(PIN)).toMatchObject({ ok: false, error: { code: 'not-allowed', message: expect.stringMatching(/^Too many wrong supervisor PINs: wait 1 s.*Stop needs no PIN/) } });
    expect(aborts(aida)).toBe(0);

    const { rows, total } = await refusals();
    expect(total).toBe(1);
    expect(rows[0]).toMatchObject({ action: 'abort', machineId: 'm1', reason: 'wrong', waitMs: 1000, waited: 300 });

    later(1000);
    expect((await abort(PIN)).ok).toBe(true);
    expect(aborts(aida)).toBe(1);
  });

  it('waits 1 s after the first wrong PIN, doubling to 30 s, and never longer: Abort always comes back', async () => {
    const { abort, refusals, later } = await guarded();
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      const result = await abort('0000');
      expect(result.ok).toBe(false);
      const wait = (await refusals()).rows[0]?.waitMs ?? 0;
      waits.push(wait);
      later(wait);
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
    expect((await abort(PIN)).ok).toBe(true);
    // A right PIN starts over.
    expect(await abort('0000')).toMatchObject({ ok: false, error: { message: 'Wrong supervisor PIN. The next try is possible in 1 s.' } });
  });

  it('forgets old failures after a quiet quarter of an hour', async () => {
    const { abort, refusals, later } = await guarded();
    await abort('0000');
    later(1000);
    await abort('1111');
    later(16 * 60_000);
    await abort('2222');
    expect((await refusals()).rows.map((r) => r.waitMs)).toEqual([1000, 2000, 1000]);
  });

  it('audits a decision without a PIN too, and tells every screen the trail changed', async () => {
    const { core, refusals } = await guarded();
    const before = core.events.length;
    const result = await core.dispatch('decide', { reviewId: 1, outcome: 'Faulted', reason: 'smudged' });
    expect(result).toMatchObject({ ok: false, error: { message: 'The supervisor PIN is required. The next try is possible in 1 s.' } });
    expect((await refusals()).rows[0]).toMatchObject({ action: 'decide', reviewId: 1, outcome: 'Faulted', reason: 'missing' });
    expect(core.events.slice(before).some((e: ConsoleEvent) => e.type === 'audit')).toBe(true);
  });

  it('never stands between the operator and Stop', async () => {
    const { aida, abort, core } = await guarded();
    await abort('0000');
    expect((await core.handlers.stop({ machineId: 'm1' })).ok).toBe(true);
    expect(aida.commands().map((c) => c.path)).toEqual(['/aida/v1/workflow-scheduler/stop']);
  });

  it('asks nothing, and audits nothing, when no PIN is configured', async () => {
    const { core, aida } = await live.start();
    await core.post(pascalMessage('WorkflowSchedulerSuspended', { ErrorCode: 'FeederEmpty' }));
    expect((await core.handlers.abort({ machineId: 'm1' })).ok).toBe(true);
    expect(aida.commands()).toHaveLength(1);
    expect(await core.handlers.listPinRefusals({ offset: 0, limit: 10 })).toEqual({ ok: true, value: { rows: [], total: 0 } });
  });
});
