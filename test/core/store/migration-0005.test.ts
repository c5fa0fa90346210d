import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { JobRepo } from '../../../electron/core/store/job-repo';
import { migration0004 } from '../../../electron/core/store/migrations/0004-job-queue-indexes';
import { migration0005 } from '../../../electron/core/store/migrations/0005-lean-job-indexes';
import { databaseAt, GROUPED_V4, indexes, job, latest, putQueueJobs, rows, schemaVersion, upgradeTo } from './helpers';

/**
 * The queue's reads as the consoles of schema 4 and 5 made them (job-repo.ts then), in their SQL: the grouping term
 * was migration 4's, and a page's cancelled count that of the jobs naming its instance or job id. Today's JobRepo
 * reads the latest schema only.
 */
function readsV5(db: Database.Database) {
  const keys = (where: string, tail = '') =>
    db.prepare<[], string>(`SELECT job_key FROM jobs WHERE ${where} ORDER BY last_seq DESC ${tail}`).pluck().all();
  const count = (where: string) => db.prepare<[], number>(`SELECT count(*) FROM jobs WHERE ${where}`).pluck().get();
  const search = '%corr-2%';
  return {
    queue: db
      .prepare(
        `SELECT job_key, (SELECT count(*) FROM jobs c WHERE c.machine_id = jobs.machine_id
           AND c.source_job_instance_id IN (jobs.workflow_instance_id, jobs.job_id)) AS cancelled
         FROM jobs WHERE ${GROUPED_V4} ORDER BY last_seq DESC`,
      )
      .all(),
    queueTotal: count(GROUPED_V4),
    all: count('1'),
    // Served by jobs_queue_machine_status and jobs_queue_batch before this migration dropped them.
    machineAndStatus: keys(`machine_id = 'm1' AND status = 'Faulted' AND ${GROUPED_V4}`),
    batch: keys(`batch_id = 'BATCH_8' AND ${GROUPED_V4}`),
    byStatus: keys(`status = 'Cancelled' AND ${GROUPED_V4}`),
    page: keys(GROUPED_V4, 'LIMIT 2 OFFSET 1'),
    search: keys(`(job_id LIKE '${search}' ESCAPE '\\' OR correlation_id LIKE '${search}' ESCAPE '\\' OR batch_id LIKE '${search}' ESCAPE '\\') AND ${GROUPED_V4}`),
    count: count(`machine_id = 'm1' AND ${GROUPED_V4}`),
    cancelledBy: db
      .prepare<[], string>("SELECT job_key FROM jobs INDEXED BY jobs_source_job WHERE machine_id = 'm1' AND source_job_instance_id IN ('wf-3', '3') ORDER BY last_seq")
      .pluck()
      .all(),
    byInstance: db.prepare<[], string>("SELECT job_key FROM jobs WHERE machine_id = 'm1' AND workflow_instance_id = 'wf-3' ORDER BY last_seq DESC LIMIT 1").pluck().get(),
  };
}

const DROPPED = ['jobs_recent', 'jobs_machine_recent', 'jobs_status_recent', 'jobs_queue_machine_status', 'jobs_queue_batch'];

describe('migration 5: lean job indexes', () => {
  it('leaves the queue its partial indexes and drops the full ones they replace', () => {
    // As migration 5 left them: migration 8 gives each filter an index again, with the columns the others read.
    const { db } = databaseAt(migration0005.version);
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'jobs'").all() as { name: string }[]).map(
      (r) => r.name,
    );
    db.close();
    for (const dropped of ['jobs_recent', 'jobs_machine_recent', 'jobs_status_recent', 'jobs_queue_machine_status', 'jobs_queue_batch']) {
      expect(names).not.toContain(dropped);
    }
    expect(names).toEqual(expect.arrayContaining(['jobs_queue', 'jobs_queue_machine', 'jobs_queue_status']));
  });

  it('upgrades a database of version 4 holding jobs: its indexes change, its jobs stay, and the queue reads the same', () => {
    const { db } = databaseAt(migration0004.version);
    putQueueJobs(db);
    expect(indexes(db, 'jobs')).toEqual(expect.arrayContaining(DROPPED));
    const before = readsV5(db);
    const tableBefore = rows(db, 'jobs');

    upgradeTo(db, migration0005.version);

    expect(schemaVersion(db)).toBe(5);
    expect(indexes(db, 'jobs')).toEqual(['jobs_correlation_nocase', 'jobs_queue', 'jobs_queue_machine', 'jobs_queue_status', 'jobs_source_job', 'jobs_workflow']);
    expect(rows(db, 'jobs')).toEqual(tableBefore);
    const after = readsV5(db);
    expect(after).toEqual(before);
    // The same answers, and the right ones (not merely unchanged).
    expect(after).toEqual({
      queue: [
        { job_key: '6', cancelled: 0 },
        { job_key: '3', cancelled: 2 },
        { job_key: '2', cancelled: 0 },
        { job_key: '1', cancelled: 0 },
      ],
      queueTotal: 4,
      all: 6,
      machineAndStatus: ['3'],
      batch: ['1'],
      byStatus: ['6'],
      page: ['3', '2'],
      search: ['2'],
      count: 3,
      cancelledBy: ['4', '5'],
      byInstance: '3',
    });
    // What lost its index is read from the queue's partial indexes, not by scanning the table.
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan(`SELECT rowid FROM jobs WHERE machine_id = 'm1' AND status = 'Faulted' AND ${GROUPED_V4} ORDER BY last_seq DESC`)).toMatch(/INDEX jobs_queue/);
    expect(plan(`SELECT rowid FROM jobs WHERE batch_id = 'BATCH_8' AND ${GROUPED_V4} ORDER BY last_seq DESC`)).toMatch(/INDEX jobs_queue/);

    // Today's repo, on the schema it reads, gives the queue the same answers.
    upgradeTo(db, latest);
    const repo = new JobRepo(db);
    expect(repo.query({ groupCancelled: true }).rows.map((j) => [j.key, j.cancelledCount])).toEqual([
      ['6', undefined],
      ['3', 2],
      ['2', undefined],
      ['1', undefined],
    ]);
    expect(repo.query({}).total).toBe(6);
    expect(repo.query({ groupCancelled: true, machineId: 'm1', status: 'Faulted' }).rows.map((j) => j.key)).toEqual(['3']);
    expect(repo.query({ groupCancelled: true, batchId: 'BATCH_8' }).rows.map((j) => j.key)).toEqual(['1']);
    expect(repo.query({ groupCancelled: true, status: 'Cancelled' }).rows.map((j) => j.key)).toEqual(['6']);
    expect(repo.query({ groupCancelled: true, offset: 1, limit: 2 })).toMatchObject({ total: 4, offset: 1, rows: [{ key: '3' }, { key: '2' }] });
    expect(repo.query({ groupCancelled: true, search: 'corr-2' }).rows.map((j) => j.key)).toEqual(['2']);
    expect(repo.count({ groupCancelled: true, machineId: 'm1' })).toBe(3);
    expect(repo.cancelledBy('m1', job(3)).map((j) => j.key)).toEqual(['4', '5']);
    expect(repo.byWorkflowInstance('m1', 'wf-3')).toEqual(job(3, { status: 'Faulted', errorCode: 'CardJam', documentProduced: true }));
    db.close();
  });
});
