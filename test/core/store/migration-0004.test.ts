import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DeliveryRepo } from '../../../electron/core/store/delivery-repo';
import { JobRepo } from '../../../electron/core/store/job-repo';
import { migrate } from '../../../electron/core/store/migrate';
import { MIGRATIONS } from '../../../electron/core/store/migrations';
import { migration0004 } from '../../../electron/core/store/migrations/0004-job-queue-indexes';
import { job, putQueueJobs } from './helpers';

function queueDb() {
  const db = new Database(':memory:');
  migrate(db, MIGRATIONS);
  const repo = new JobRepo(db);
  putQueueJobs(repo);
  return { db, repo };
}

const plan = (db: Database.Database, sql: string, params: Record<string, unknown> = {}) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail).join(' | ');

/** The grouping term exactly as job-repo.ts writes it: the partial indexes serve this term only. */
const SHOWN = "NOT (status = 'Cancelled' AND source_job_instance_id IS NOT NULL)";

describe('migration 0004: the job queue indexes', () => {
  it('applies to a database of the previous version, keeping its jobs', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.filter((m) => m.version < migration0004.version));
    new JobRepo(db).put(job(1), 1);
    migrate(db, MIGRATIONS);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(4);
    expect(new JobRepo(db).query({ groupCancelled: true }).rows.map((j) => j.key)).toEqual(['1']);
    db.close();
  });

  it('pages, counts and searches the grouped queue from the partial indexes, never the table', () => {
    const { db } = queueDb();
    expect(plan(db, `SELECT rowid FROM jobs WHERE ${SHOWN} ORDER BY last_seq DESC LIMIT 100 OFFSET 50`)).toMatch(/COVERING INDEX jobs_queue\b/);
    expect(plan(db, `SELECT count(*) FROM jobs WHERE ${SHOWN}`)).toMatch(/COVERING INDEX jobs_queue/);
    expect(plan(db, `SELECT rowid FROM jobs WHERE machine_id = 'm1' AND ${SHOWN} ORDER BY last_seq DESC LIMIT 100`)).toMatch(/jobs_queue_machine\b/);
    expect(plan(db, `SELECT rowid FROM jobs WHERE status = 'Faulted' AND ${SHOWN} ORDER BY last_seq DESC LIMIT 100`)).toMatch(/jobs_queue_status/);
    expect(
      plan(db, `SELECT rowid FROM jobs WHERE job_id LIKE '%4%' AND ${SHOWN} ORDER BY last_seq DESC LIMIT 100`),
    ).toMatch(/COVERING INDEX jobs_queue\b/);
    db.close();
  });

  it('finds a job timeline by the ids inside its messages through the expression indexes', () => {
    const { db } = queueDb();
    const sql = `SELECT seq FROM events WHERE source = 'aida' AND machine_id = 'm1' AND json_extract(message, '$.jobId') = '3'`;
    expect(plan(db, sql)).toContain('events_job_id');
    expect(plan(db, sql.replace("'$.jobId') = '3'", "'$.workflowInstanceId') = 'wf-3'"))).toContain('events_workflow_instance');
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
