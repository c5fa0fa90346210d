import { afterEach, describe, expect, it } from 'vitest';
import type { ProductionCounts } from '../../../shared/api/production';
import { EARLY, seedEarlyShift, seedLateShiftJob } from './early-shift';
import { startProduction, type ProductionHarness } from './harness';

let h: ProductionHarness | undefined;
afterEach(() => {
  h?.close();
  h = undefined;
});

const ZERO: ProductionCounts = {
  started: 0,
  completed: 0,
  faulted: 0,
  rejected: 0,
  cancelled: 0,
  cancelledBy: [],
  unfinished: 0,
  destroyed: 0,
  producedButFaulted: 0,
  producedAndDestroyed: 0,
  notReported: 0,
  attempts: 0,
  retriedJobs: 0,
  rapidadminReprints: 0,
  yield: null,
};

async function seeded() {
  h = startProduction();
  await seedEarlyShift(h);
  await seedLateShiftJob(h);
  return h;
}

describe('card accounting over a known early shift', () => {
  it('counts every outcome of m1 once per job, cards per attempt, and says nothing it was not told', async () => {
    const { figures } = await seeded();
    const m1 = figures.summary(EARLY, 'machine').rows.find((r) => r.key === 'm1');
    expect(m1?.counts).toEqual({
      ...ZERO,
      // J1–J7: J6 ran twice (two workflow instances) and counts once.
      started: 7,
      completed: 2,
      faulted: 2,
      rejected: 1,
      cancelled: 1,
      cancelledBy: [{ cause: 'another-job', count: 1 }],
      unfinished: 1,
      // J2, and J6's first attempt: its job completed in the end, its first card did not.
      destroyed: 2,
      producedButFaulted: 1,
      producedAndDestroyed: 1,
      // J4 and J5 ended without saying whether a destructive operation ran.
      notReported: 2,
      attempts: 8,
      retriedJobs: 1,
      yield: 2 / 5,
    });
  });

  it("totals every machine and RapIDadmin's reprint, with the yield over what ended", async () => {
    const { figures } = await seeded();
    const summary = figures.summary(EARLY, 'machine');
    expect(summary.rows.map((r) => [r.key, r.counts.started, r.counts.completed, r.counts.rapidadminReprints])).toEqual([
      ['m1', 7, 2, 0],
      ['m2', 1, 1, 0],
      ['rapidadmin', 1, 1, 1],
    ]);
    expect(summary.total).toMatchObject({ started: 9, completed: 4, faulted: 2, rejected: 1, rapidadminReprints: 1, yield: 4 / 7 });
    expect(summary.timeZone).toBe('Europe/Berlin');
  });

  it('groups by batch and by the job template of the Start the console sent', async () => {
    const { figures } = await seeded();
    const day = { from: EARLY.from, to: '2026-03-02T21:00:00.000Z' };
    expect(figures.summary(day, 'batch').rows.map((r) => [r.key, r.counts.started])).toEqual([
      ['', 1],
      ['B1', 8],
      ['B2', 1],
    ]);
    // m2 and RapIDadmin were never started by the console: their template is not known, not guessed.
    expect(figures.summary(day, 'template').rows.map((r) => [r.key, r.counts.started])).toEqual([
      ['', 2],
      ['Staff ID', 1],
      ['Student ID', 7],
    ]);
  });

  it('cuts a range into the configured shifts, each job in the shift it first started in, empty shifts listed', async () => {
    const { figures } = await seeded();
    const summary = figures.summary({ from: '2026-03-02T00:00:00.000Z', to: '2026-03-03T00:00:00.000Z' }, 'shift');
    expect(summary.rows.map((r) => [r.key, r.from, r.to, r.counts.started, r.counts.rapidadminReprints])).toEqual([
      ['Night 2026-03-01', '2026-03-01T21:00:00.000Z', '2026-03-02T05:00:00.000Z', 0, 0],
      ['Early 2026-03-02', '2026-03-02T05:00:00.000Z', '2026-03-02T13:00:00.000Z', 9, 1],
      ['Late 2026-03-02', '2026-03-02T13:00:00.000Z', '2026-03-02T21:00:00.000Z', 1, 0],
      ['Night 2026-03-02', '2026-03-02T21:00:00.000Z', '2026-03-03T05:00:00.000Z', 0, 0],
    ]);
    expect(summary.total.started).toBe(10);
  });

  it('reads one machine alone', async () => {
    const { figures } = await seeded();
    const m2 = figures.summary({ ...EARLY, machineId: 'm2' }, 'hour');
    expect(m2.total).toMatchObject({ started: 1, completed: 1, rapidadminReprints: 0 });
    expect(m2.rows).toHaveLength(8);
    expect(m2.rows.filter((r) => r.counts.started > 0).map((r) => r.key)).toEqual(['2026-03-02T06:00:00.000Z']);
  });

  it('draws cards per hour by outcome and faults by error code', async () => {
    const { figures } = await seeded();
    const series = figures.series(EARLY);
    expect(series.cardsPerHour.slice(0, 3)).toEqual([
      { at: '2026-03-02T05:00:00.000Z', completed: 1, faulted: 2, rejected: 1, cancelled: 1, unfinished: 0 },
      { at: '2026-03-02T06:00:00.000Z', completed: 3, faulted: 0, rejected: 0, cancelled: 0, unfinished: 0 },
      { at: '2026-03-02T07:00:00.000Z', completed: 0, faulted: 0, rejected: 0, cancelled: 0, unfinished: 1 },
    ]);
    expect(series.cardsPerHour).toHaveLength(8);
    expect(series.faultsByErrorCode).toEqual([
      { errorCode: 'CardJam', count: 1 },
      { errorCode: 'MarkLayoutFailed', count: 1 },
      { errorCode: 'OcrExternalValidationKo', count: 1 },
    ]);
    expect(series.machines).toEqual(['m1', 'm2', 'rapidadmin']);
  });

  it('counts a job whose messages came out of order in the shift of its first message', async () => {
    h = startProduction();
    // The completion arrives first (a retried delivery), the start a minute later: the job still started at 05:10.
    await h.aida('2026-03-02T05:10:00.000Z', { MachineName: 'm1', JobId: 'X', WorkflowInstanceId: 'wf-x', MessageType: 'WorkflowCompleted' });
    await h.aida('2026-03-02T05:11:00.000Z', { MachineName: 'm1', JobId: 'X', WorkflowInstanceId: 'wf-x', MessageType: 'WorkflowStarted' });
    expect(h.store.production.total({ from: '2026-03-02T05:10:00.000Z', to: '2026-03-02T05:10:30.000Z' })).toMatchObject({ started: 1, completed: 1 });
  });
});
