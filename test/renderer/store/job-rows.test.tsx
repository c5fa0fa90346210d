import { describe, expect, it } from 'vitest';
import { JOB_COUNT_CAP, type JobView } from '../../../shared/api/views';
import { applyPushed, keepNear, matchesFilter, NO_ROWS, pagesMissing, placePage } from '../../../renderer/src/store/job-rows';
import { EMPTY_JOB_FILTER } from '../../../renderer/src/store/jobs-paging';
import { job } from '../helpers/jobs';

/** Job n, seen n-th by the core: the queue lists the greatest n first. */
const seen = (n: number, overrides: Partial<JobView> = {}) => job(String(n), { firstSeen: n, ...overrides });
const keysOf = (rows: Record<number, JobView>) => Object.entries(rows).map(([i, j]) => `${i}:${j.key}`);

/** The rows of a queue of jobs 1..total, newest first, as the core pages them. */
function pageOf(total: number, offset: number, limit: number) {
  const rows: JobView[] = [];
  for (let i = offset; i < Math.min(total, offset + limit); i++) rows.push(seen(total - i));
  return { rows, offset, total };
}

describe('the rows the queue holds', () => {
  it('matches a job against the filter as the core does: 3+ characters anywhere in an id, 1-2 at its start', () => {
    const j = seen(1, { jobId: 'JOB-A1', correlationId: 'ORD-7f3a', batchId: 'BATCH-11', machineId: 'aida-2', status: 'Faulted' });
    const f = (patch: Partial<typeof EMPTY_JOB_FILTER>) => matchesFilter(j, { ...EMPTY_JOB_FILTER, ...patch });
    expect([f({}), f({ search: 'f3A' }), f({ search: ' ch-1 ' }), f({ search: 'jo' }), f({ search: 'A1' }), f({ search: 'zzz' })]).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
    expect([f({ machineId: 'aida-2' }), f({ machineId: 'aida-1' }), f({ status: 'Faulted' }), f({ status: 'Completed' })]).toEqual([true, false, true, false]);
    expect([f({ batchId: 'BATCH-11' }), f({ batchId: 'BATCH-1' })]).toEqual([true, false]);
    // Cancelled by a job this console knows: listed under that job, not among the others.
    expect(matchesFilter(seen(2, { status: 'Cancelled', sourceJobSeen: true }), EMPTY_JOB_FILTER)).toBe(false);
    expect(matchesFilter(seen(2, { status: 'Cancelled', sourceJobSeen: false }), EMPTY_JOB_FILTER)).toBe(true);
  });

  it('puts a new job on top, every held row one down and the count one up; a changed row stays where it is', () => {
    const held = placePage(NO_ROWS, pageOf(250, 0, 100), 100);
    const { held: next, insertedAt } = applyPushed(held, [seen(251), seen(249, { status: 'Faulted' })], EMPTY_JOB_FILTER);
    expect(insertedAt).toEqual([0]);
    expect(next.total).toBe(251);
    expect(next.rows[0]?.key).toBe('251');
    expect(next.rows[1]?.key).toBe('250');
    expect(next.rows[2]).toMatchObject({ key: '249', status: 'Faulted' });
    expect(next.rows[100]?.key).toBe('151');
    expect(next.top).toBe(251);
  });

  it('inserts several new jobs newest first, and none that does not match the filter', () => {
    const held = placePage(NO_ROWS, pageOf(10, 0, 100), 100);
    const filter = { ...EMPTY_JOB_FILTER, machineId: 'aida-1' };
    const { held: next } = applyPushed(held, [seen(11), seen(13), seen(12, { machineId: 'aida-2' })], filter);
    expect(keysOf(next.rows).slice(0, 3)).toEqual(['0:13', '1:11', '2:10']);
    expect(next.total).toBe(12);
  });

  it('takes out a row that no longer matches, the rows below one up and the count one down', () => {
    const filter = { ...EMPTY_JOB_FILTER, status: 'Running' };
    const held = placePage(NO_ROWS, pageOf(3, 0, 100), 100);
    const { held: next, removedAt } = applyPushed(held, [seen(2, { status: 'Completed' })], filter);
    expect(removedAt).toEqual([1]);
    expect(keysOf(next.rows)).toEqual(['0:3', '1:1']);
    expect(next.total).toBe(2);
    // A job now listed under the job whose error cancelled it leaves the list the same way.
    const grouped = applyPushed(held, [seen(3, { status: 'Cancelled', sourceJobSeen: true })], EMPTY_JOB_FILTER).held;
    expect(keysOf(grouped.rows)).toEqual(['0:2', '1:1']);
  });

  it('places an older job that now matches between the held rows, and leaves alone one it cannot place', () => {
    const filter = { ...EMPTY_JOB_FILTER, status: 'Faulted' };
    // Faulted jobs 90, 70, 50 of a longer list: the first page holds 90 and 70, the list has more.
    const held = placePage(NO_ROWS, { rows: [seen(90, { status: 'Faulted' }), seen(70, { status: 'Faulted' })], offset: 0, total: 5 }, 2);
    const { held: next } = applyPushed(held, [seen(80, { status: 'Faulted' }), seen(10, { status: 'Faulted' })], filter);
    expect(keysOf(next.rows)).toEqual(['0:90', '1:80', '2:70']);
    expect(next.total).toBe(6);
  });

  it('does not take an older job that changed outside the held rows for a new one', () => {
    const held = placePage(NO_ROWS, pageOf(1_000, 500, 100), 100);
    const withTop = { ...held, top: 1_000 };
    const { held: next, insertedAt } = applyPushed(withTop, [seen(10, { status: 'Completed' })], EMPTY_JOB_FILTER);
    expect(insertedAt).toEqual([]);
    expect(next.total).toBe(1_000);
  });

  it('keeps a capped search at the cap as new jobs come', () => {
    const held = placePage(NO_ROWS, { ...pageOf(50_000, 0, 100), total: JOB_COUNT_CAP, capped: true }, 100);
    const { held: next } = applyPushed(held, [seen(50_001)], EMPTY_JOB_FILTER);
    expect(next).toMatchObject({ total: JOB_COUNT_CAP, capped: true });
    expect(next.rows[0]?.key).toBe('50001');
  });

  it('keeps the rows near the screen and says which pages on screen have a row missing', () => {
    let held = placePage(NO_ROWS, pageOf(1_000, 0, 100), 100);
    held = placePage(held, pageOf(1_000, 500, 100), 100);
    // A short page ends the list, whatever the count said.
    expect(placePage(NO_ROWS, { rows: [seen(3)], offset: 0, total: 40 }, 100).total).toBe(1);
    expect(pagesMissing(held, 50, 150, 100)).toEqual([1]);
    expect(pagesMissing(held, 520, 560, 100)).toEqual([]);
    expect(pagesMissing(held, 990, 1_030, 100)).toEqual([9]);
    const near = keepNear(held, 520, 540, 30);
    expect(Object.keys(near.rows).map(Number)).toEqual(Array.from({ length: 71 }, (_, i) => 500 + i));
    // A new job on top moves the held rows one down: row 99's page now misses its last row.
    const moved = applyPushed({ ...held, top: 1_000 }, [seen(1_001)], EMPTY_JOB_FILTER).held;
    expect(pagesMissing(moved, 0, 99, 100)).toEqual([]);
    expect(pagesMissing(moved, 500, 600, 100)).toEqual([5]);
  });
});
