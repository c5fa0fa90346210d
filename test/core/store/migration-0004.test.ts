import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DeliveryRepo } from '../../../electron/core/store/delivery-repo';
import { JobRepo } from '../../../electron/core/store/job-repo';
import { migrate } from '../../../electron/core/store/migrate';
import { MIGRATIONS } from '../../../electron/core/store/migrations';
import { migration0004 } from '../../../electron/core/store/migrations/0004-job-queue-indexes';
import { databaseAt, GROUPED_V4, job, latest, putQueueJobs, queueJobs, rows, schemaVersion, upgradeTo } from './helpers';

/** The queue as the latest console holds it, written through JobRepo: the job queue's reads are the repo's. */
function queueDb() {
  const db = new Database(':memory:');
  migrate(db, MIGRATIONS);
  const repo = new JobRepo(db);
  for (const [j, seq] of queueJobs()) repo.put(j, seq);
  return { db, repo };
}

const plan = (db: Database.Database, sql: string, params: Record<string, unknown> = {}) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail).join(' | ');

describe('migration 0004: the job queue indexes', () => {
  it('applies to a database of the previous version, keeping its jobs', () => {
    const { db } = databaseAt(migration0004.version - 1);
    putQueueJobs(db);
    const before = rows(db, 'jobs');
    upgradeTo(db, migration0004.version);
    expect(schemaVersion(db)).toBe(4);
    expect(rows(db, 'jobs')).toEqual(before);
    // The grouped queue as the console of schema 4 read it: job 3's card jam hides the jobs it cancelled.
    expect(db.prepare(`SELECT job_key FROM jobs WHERE ${GROUPED_V4} ORDER BY last_seq DESC`).pluck().all()).toEqual(['6', '3', '2', '1']);
    // And as today's console reads it, through the repo, once upgraded to the schema it reads.
    upgradeTo(db, latest);
    expect(new JobRepo(db).query({ groupCancelled: true }).rows.map((j) => j.key)).toEqual(['6', '3', '2', '1']);
    db.close();
  });

  it('pages, counts and searches the grouped queue from the partial indexes, never the table', () => {
    // Migration 4's indexes, read with migration 4's grouping term (migration 6 replaced both; its test reads the new).
    const { db } = databaseAt(migration0004.version);
    putQueueJobs(db);
    expect(plan(db, `SELECT rowid FROM jobs WHERE ${GROUPED_V4} ORDER BY last_seq DESC LIMIT 100 OFFSET 50`)).toMatch(/COVERING INDEX jobs_queue\b/);
    expect(plan(db, `SELECT count(*) FROM jobs WHERE ${GROUPED_V4}`)).toMatch(/COVERING INDEX jobs_queue/);
    expect(plan(db, `SELECT rowid FROM jobs WHERE machine_id = 'm1' AND ${GROUPED_V4} ORDER BY last_seq DESC LIMIT 100`)).toMatch(/jobs_queue_machine\b/);
    expect(plan(db, `SELECT rowid FROM jobs WHERE status = 'Faulted' AND ${GROUPED_V4} ORDER BY last_seq DESC LIMIT 100`)).toMatch(/jobs_queue_status/);
    expect(
      plan(db, `SELECT rowid FROM jobs WHERE job_id LIKE '%4%' AND ${GROUPED_V4} ORDER BY last_seq DESC LIMIT 100`),
    ).toMatch(/COVERING INDEX jobs_queue\b/);
    db.close();
  });

  it('finds a job timeline by the ids inside its messages through the expression indexes', () => {
    const { db } = databaseAt(migration0004.version);
    const sql = `SELECT seq FROM events WHERE source = 'aida' AND machine_id = 'm1' AND json_extract(message, '$.jobId') = '3'`;
    const bothIds = () => [plan(db, sql), plan(db, sql.replace("'$.jobId') = '3'", "'$.workflowInstanceId') = 'wf-3'"))];
    expect(bothIds()).toEqual([expect.stringContaining('events_job_id'), expect.stringContaining('events_workflow_instance')]);
    // No later migration took them away: DeliveryRepo.timeline is written for them.
    upgradeTo(db, latest);
    expect(bothIds()).toEqual([expect.stringContaining('events_job_id'), expect.stringContaining('events_workflow_instance')]);
    db.close();
  });
});

describe('the job queue reads', () => {
  it('lists jobs newest first, with the jobs a critical error cancelled counted under their source', () => {
    const { db, repo } = queueDb();
    const page = repo.query({ groupCancelled: true });
    expect(page.rows.map((j) => j.key)).toEqual(['6', '3', '2', '1']);
    expect(page.total).toBe(4);
    expect(page.rows.find((j) => j.key === '3')).toMatchObject({ cancelledCount: 2, documentProduced: true });
    expect(page.rows.find((j) => j.key === '6')).not.toHaveProperty('cancelledCount');
    expect(repo.query({}).total).toBe(6);
    expect(repo.cancelledBy('m1', job(3)).map((j) => j.key)).toEqual(['4', '5']);
    db.close();
  });

  it('pages with offset and limit, and counts what the filters match', () => {
    const { db, repo } = queueDb();
    expect(repo.query({ groupCancelled: true, offset: 1, limit: 2 })).toMatchObject({ total: 4, offset: 1 });
    expect(repo.query({ groupCancelled: true, offset: 1, limit: 2 }).rows.map((j) => j.key)).toEqual(['3', '2']);
    expect(repo.query({ groupCancelled: true, offset: 10 }).rows).toEqual([]);
    expect(repo.count({ groupCancelled: true, machineId: 'm1' })).toBe(3);
    expect(repo.query({ groupCancelled: true, status: 'Cancelled' }).rows.map((j) => j.key)).toEqual(['6']);
    expect(repo.query({ groupCancelled: true, machineId: 'm2' }).rows.map((j) => j.key)).toEqual(['2']);
    expect(repo.query({ groupCancelled: true, batchId: 'BATCH_8' }).rows.map((j) => j.key)).toEqual(['1']);
    db.close();
  });

  it('searches job id, correlation id and batch, case-insensitively, with LIKE wildcards taken literally', () => {
    const { db, repo } = queueDb();
    expect(repo.query({ groupCancelled: true, search: 'corr-2' }).rows.map((j) => j.key)).toEqual(['2']);
    expect(repo.query({ groupCancelled: true, search: ' 3 ' }).rows.map((j) => j.key)).toEqual(['3']);
    // "_" would match any character in LIKE: here it is only an underscore.
    expect(repo.query({ groupCancelled: true, search: 'BATCH_' }).rows.map((j) => j.key)).toEqual(['1']);
    expect(repo.query({ groupCancelled: true, search: '%' }).total).toBe(0);
    db.close();
  });

  it('reads a job timeline by job id or workflow instance, oldest first, with the body as it arrived', () => {
    const { db } = queueDb();
    const insertDelivery = db.prepare(
      "INSERT INTO deliveries (received_at, source, headers, body, body_length, outcome, http_status) VALUES ('t', 'aida', '{}', ?, ?, 'accepted', 200)",
    );
    const insertEvent = db.prepare(
      "INSERT INTO events (seq, delivery_id, source, machine_id, message_type, received_at, message) VALUES (?, ?, 'aida', ?, ?, 't', ?)",
    );
    const log = (seq: number, machineId: string, type: string, message: object, body?: string) => {
      const delivery = body === undefined ? null : insertDelivery.run(Buffer.from(body), body.length).lastInsertRowid;
      insertEvent.run(seq, delivery, machineId, type, JSON.stringify(message));
    };
    log(10, 'm1', 'WorkflowStarted', { jobId: '3', workflowInstanceId: 'wf-3' }, '{"JobId":"3"}');
    log(11, 'm1', 'OcrExecuted', { workflowInstanceId: 'wf-3' }, '{"WorkflowInstanceId":"wf-3"}');
    log(12, 'm2', 'WorkflowStarted', { jobId: '3' }, '{}');
    log(13, 'm1', 'WorkflowStarted', { jobId: '30' }, '{}');
    log(14, 'm1', 'Reconciled', { jobId: '3' });
    const timeline = new DeliveryRepo(db).timeline('m1', '3', 'wf-3');
    expect(timeline.map((e) => [e.seq, e.type, e.raw])).toEqual([
      [10, 'WorkflowStarted', '{"JobId":"3"}'],
      [11, 'OcrExecuted', '{"WorkflowInstanceId":"wf-3"}'],
      [14, 'Reconciled', undefined],
    ]);
    expect(new DeliveryRepo(db).timeline('m1', undefined, 'wf-3').map((e) => e.seq)).toEqual([10, 11]);
    db.close();
  });
});
