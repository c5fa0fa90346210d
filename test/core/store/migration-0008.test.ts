import { describe, expect, it } from 'vitest';
import { JobRepo } from '../../../electron/core/store/job-repo';
import { migration0007 } from '../../../electron/core/store/migrations/0007-pin-refusals';
import { migration0008 } from '../../../electron/core/store/migrations/0008-job-search-index';
import { ProjectionState } from '../../../electron/core/store/projection-state';
import { JOB_COUNT_CAP } from '../../../shared/api/views';
import { databaseAt, indexes, job, latest, plansOf, rows, schemaVersion, upgradeTo } from './helpers';

const keys = (page: { rows: { key: string }[] }) => page.rows.map((r) => r.key);
const grouped = { groupCancelled: true } as const;

/** A console of schema 7 holding the jobs a search must find: ids, correlation ids and batches of each shape. */
function version7WithJobs() {
  const { db } = databaseAt(migration0007.version);
  const repo = new JobRepo(db);
  repo.put(job(1, { jobId: 'JOB-A1', correlationId: 'ORD-7f3a', batchId: 'BATCH-11' }), 1);
  repo.put(job(2, { jobId: 'JOB-B2', correlationId: 'ord-9c1d', batchId: 'BATCH-12' }), 2);
  const { correlationId: _none, ...noCorrelation } = job(3, { jobId: 'X-300', batchId: 'ZETA' });
  repo.put(noCorrelation, 3);
  return db;
}

describe('migration 0008: the job search index and the queue filters at a million jobs', () => {
  it('upgrades a database of version 7: its jobs stay, and a search finds them by 3 characters anywhere in an id', () => {
    const db = version7WithJobs();
    const before = rows(db, 'jobs');
    upgradeTo(db, migration0008.version);
    expect(schemaVersion(db)).toBe(8);
    expect(rows(db, 'jobs')).toEqual(before);
    expect(indexes(db, 'jobs')).toEqual(
      expect.arrayContaining(['jobs_job_id_nocase', 'jobs_batch_nocase', 'jobs_queue_machine_status', 'jobs_queue_batch', 'jobs_queue_source']),
    );
    const repo = new JobRepo(db);
    expect(keys(repo.query({ ...grouped, search: 'f3A' }))).toEqual(['1']);
    expect(keys(repo.query({ ...grouped, search: 'ORD-' }))).toEqual(['2', '1']);
    expect(keys(repo.query({ ...grouped, search: 'ch-1' }))).toEqual(['2', '1']);
    expect(keys(repo.query({ ...grouped, search: '300' }))).toEqual(['3']);
    db.close();
  });

  it('finds a job by the first 1 or 2 characters of an id, not by 2 characters inside one', () => {
    const db = version7WithJobs();
    upgradeTo(db, latest);
    const repo = new JobRepo(db);
    expect(keys(repo.query({ ...grouped, search: 'jo' }))).toEqual(['2', '1']);
    expect(keys(repo.query({ ...grouped, search: 'z' }))).toEqual(['3']);
    expect(keys(repo.query({ ...grouped, search: 'A1' }))).toEqual([]);
    expect(repo.query({ ...grouped, search: 'x' }).total).toBe(1);
    db.close();
  });

  it('keeps the search index in step with every write of the jobs table, a rebuild of the projections included', () => {
    const db = version7WithJobs();
    upgradeTo(db, latest);
    const repo = new JobRepo(db);
    repo.put(job(4, { jobId: 'NEW-44' }), 4);
    expect(keys(repo.query({ ...grouped, search: 'w-4' }))).toEqual(['4']);
    // A job's ids changed by a later message: found by the new ones only.
    repo.put(job(4, { jobId: 'RENAMED-44' }), 5);
    expect(keys(repo.query({ ...grouped, search: 'w-4' }))).toEqual([]);
    expect(keys(repo.query({ ...grouped, search: 'med-4' }))).toEqual(['4']);
    // A status change leaves the ids (and the index) as they were.
    repo.put(job(4, { jobId: 'RENAMED-44', status: 'Faulted' }), 6);
    expect(keys(repo.query({ ...grouped, search: 'med-4' }))).toEqual(['4']);

    new ProjectionState(db).empty(['jobs']);
    expect(repo.query({ ...grouped, search: 'JOB' }).total).toBe(0);
    expect(db.prepare("SELECT count(*) FROM jobs_search WHERE jobs_search MATCH '\"JOB\"'").pluck().get()).toBe(0);
    repo.put(job(1, { jobId: 'JOB-A1' }), 7);
    expect(keys(repo.query({ ...grouped, search: 'JOB' }))).toEqual(['1']);

    // A rebuild empties the queue and its index at once, and the index keeps following deletes after it.
    repo.clear();
    expect(repo.query({ ...grouped, search: 'JOB' }).total).toBe(0);
    repo.put(job(2, { jobId: 'JOB-B2' }), 8);
    repo.put(job(3, { jobId: 'JOB-C3' }), 9);
    db.prepare("DELETE FROM jobs WHERE job_key = '2'").run();
    expect(keys(repo.query({ ...grouped, search: 'JOB' }))).toEqual(['3']);
    expect(db.prepare("SELECT count(*) FROM jobs_search WHERE jobs_search MATCH '\"JOB-B\"'").pluck().get()).toBe(0);
    db.close();
  });

  it('combines a search with the filters, and stops counting a search at the cap', () => {
    const { db } = databaseAt(latest);
    const repo = new JobRepo(db);
    db.transaction(() => {
      for (let n = 1; n <= JOB_COUNT_CAP + 50; n++) {
        repo.put(job(n, { jobId: `J${n}`, machineId: n % 2 ? 'm1' : 'm2', status: n % 100 === 0 ? 'Faulted' : 'Completed' }), n);
      }
    })();
    const all = repo.query({ ...grouped, search: 'corr-', limit: 3 });
    expect({ total: all.total, capped: all.capped, keys: keys(all) }).toEqual({
      total: JOB_COUNT_CAP,
      capped: true,
      keys: [String(JOB_COUNT_CAP + 50), String(JOB_COUNT_CAP + 49), String(JOB_COUNT_CAP + 48)],
    });
    expect(repo.query({ ...grouped, search: 'J1', limit: 1 }).capped).toBe(false);
    const filtered = repo.query({ ...grouped, search: 'corr-1', machineId: 'm2', status: 'Faulted' });
    expect(filtered.capped).toBe(false);
    expect(filtered.rows.every((r) => r.machineId === 'm2' && r.status === 'Faulted' && r.correlationId?.startsWith('CORR-1'))).toBe(true);
    expect(filtered.total).toBe(filtered.rows.length);
    expect(filtered.total).toBeGreaterThan(10);
    // Without a search the count is exact, however large.
    expect(repo.query({ ...grouped, limit: 1 })).toMatchObject({ total: JOB_COUNT_CAP + 50, capped: false });
    db.close();
  });

  it('pages the older half from the far end: every page as the newest-first order has it', () => {
    const { db } = databaseAt(latest);
    const repo = new JobRepo(db);
    db.transaction(() => {
      for (let n = 1; n <= 250; n++) repo.put(job(n, { machineId: n % 3 ? 'm1' : 'm2' }), n);
    })();
    for (const filter of [grouped, { ...grouped, machineId: 'm1' }]) {
      const whole = keys(repo.query({ ...filter, limit: 500 }));
      const paged = [0, 70, 140, 210].flatMap((offset) => keys(repo.query({ ...filter, offset, limit: 70 })));
      expect(paged).toEqual(whole);
    }
    db.close();
  });

  it('reads each filter and pair of filters from an index, never by scanning the jobs table', () => {
    const db = version7WithJobs();
    upgradeTo(db, latest);
    const repo = new JobRepo(db);
    const cases = [
      { machineId: 'm1' },
      { status: 'Faulted' },
      { batchId: 'BATCH-11' },
      { source: 'rapidadmin' },
      { machineId: 'm1', status: 'Faulted' },
      { machineId: 'm1', source: 'aida' },
      { status: 'Completed', source: 'aida' },
      { search: 'ord' },
      { search: 'ORD-7', machineId: 'm1' },
    ];
    for (const filter of cases) {
      const plans = plansOf(db, () => repo.query({ ...grouped, ...filter }));
      for (const p of plans) expect({ filter, plan: p.plan }).not.toMatchObject({ plan: expect.stringMatching(/\bSCAN (jobs|c)\b(?! USING)/) });
    }
    db.close();
  });
});
