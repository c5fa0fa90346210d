import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/store/database';
import { JobRepo } from '../../../electron/core/store/job-repo';
import { migration0004 } from '../../../electron/core/store/migrations/0004-job-queue-indexes';
import { migration0005 } from '../../../electron/core/store/migrations/0005-lean-job-indexes';
import { tempDir } from '../../helpers/core';
import { databaseAt, indexes, job, putQueueJobs, rows, schemaVersion, upgradeTo } from './helpers';

const DROPPED = ['jobs_recent', 'jobs_machine_recent', 'jobs_status_recent', 'jobs_queue_machine_status', 'jobs_queue_batch'];

describe('migration 5: lean job indexes', () => {
  it('leaves the queue its partial indexes and drops the full ones they replace', () => {
    const db = openDatabase({ dataDir: tempDir(), durability: 'power-cut' });
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
    const repo = new JobRepo(db);
    putQueueJobs(repo);
    expect(indexes(db, 'jobs')).toEqual(expect.arrayContaining(DROPPED));
    const reads = (r: JobRepo) => ({
      queue: r.query({ groupCancelled: true }),
      all: r.query({}),
      // Served by jobs_queue_machine_status and jobs_queue_batch before this migration dropped them.
      machineAndStatus: r.query({ groupCancelled: true, machineId: 'm1', status: 'Faulted' }),
      batch: r.query({ groupCancelled: true, batchId: 'BATCH_8' }),
      byStatus: r.query({ groupCancelled: true, status: 'Cancelled' }),
      page: r.query({ groupCancelled: true, offset: 1, limit: 2 }),
      search: r.query({ groupCancelled: true, search: 'corr-2' }),
      count: r.count({ groupCancelled: true, machineId: 'm1' }),
      cancelledBy: r.cancelledBy('m1', job(3)),
      byInstance: r.byWorkflowInstance('m1', 'wf-3'),
    });
    const before = reads(repo);
    const tableBefore = rows(db, 'jobs');

    upgradeTo(db, migration0005.version);

    expect(schemaVersion(db)).toBe(5);
    expect(indexes(db, 'jobs')).toEqual(['jobs_correlation_nocase', 'jobs_queue', 'jobs_queue_machine', 'jobs_queue_status', 'jobs_source_job', 'jobs_workflow']);
    expect(rows(db, 'jobs')).toEqual(tableBefore);
    const after = reads(new JobRepo(db));
    expect(after).toEqual(before);
    // The same answers, and the right ones (not merely unchanged).
    expect(after.queue.rows.map((j) => [j.key, j.cancelledCount])).toEqual([
      ['6', undefined],
      ['3', 2],
      ['2', undefined],
      ['1', undefined],
    ]);
    expect(after.all.total).toBe(6);
    expect(after.machineAndStatus.rows.map((j) => j.key)).toEqual(['3']);
    expect(after.batch.rows.map((j) => j.key)).toEqual(['1']);
    expect(after.byStatus.rows.map((j) => j.key)).toEqual(['6']);
    expect(after.page).toMatchObject({ total: 4, offset: 1, rows: [{ key: '3' }, { key: '2' }] });
    expect(after.search.rows.map((j) => j.key)).toEqual(['2']);
    expect(after.count).toBe(3);
    expect(after.cancelledBy.map((j) => j.key)).toEqual(['4', '5']);
    expect(after.byInstance).toEqual(job(3, { status: 'Faulted', errorCode: 'CardJam', documentProduced: true }));
    // What lost its index is read from the queue's partial indexes, not by scanning the table.
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    const SHOWN = "NOT (status = 'Cancelled' AND source_job_instance_id IS NOT NULL)";
    expect(plan(`SELECT rowid FROM jobs WHERE machine_id = 'm1' AND status = 'Faulted' AND ${SHOWN} ORDER BY last_seq DESC`)).toMatch(/INDEX jobs_queue/);
    expect(plan(`SELECT rowid FROM jobs WHERE batch_id = 'BATCH_8' AND ${SHOWN} ORDER BY last_seq DESC`)).toMatch(/INDEX jobs_queue/);
    db.close();
  });
});
