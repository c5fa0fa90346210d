import Database from 'better-sqlite3';
import { join } from 'node:path';
import { vi } from 'vitest';
import type { JobState } from '../../../electron/core/domain/job-state';
import { migrate } from '../../../electron/core/store/migrate';
import { MIGRATIONS } from '../../../electron/core/store/migrations';
import { tempDir } from '../../helpers/core';

/**
 * A database as the console of schema `version` left it: the migrations up to that version applied, none after. In a
 * data directory's console.sqlite, so that openDatabase({ dataDir }) upgrades it as the console does at start-up.
 */
export function databaseAt(version: number, dataDir = tempDir('ic-schema-')): { db: Database.Database; dataDir: string } {
  const db = new Database(join(dataDir, 'console.sqlite'));
  db.pragma('journal_mode = WAL');
  migrate(db, MIGRATIONS.filter((m) => m.version <= version));
  if (db.pragma('user_version', { simple: true }) !== version) throw new Error(`no migration ${version}`);
  return { db, dataDir };
}

/** Applies the migrations up to `version` to a database of an older one. */
export function upgradeTo(db: Database.Database, version: number): void {
  migrate(db, MIGRATIONS.filter((m) => m.version <= version));
}

/** The newest schema: where the repositories of this build work (a test of an older schema uses SQL of its own). */
export const LATEST_VERSION = Math.max(...MIGRATIONS.map((m) => m.version));

export const schemaVersion = (db: Database.Database) => db.pragma('user_version', { simple: true }) as number;

export const tables = (db: Database.Database) =>
  db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all();

/** The named indexes of a table (not SQLite's own for primary keys and UNIQUE constraints). */
export const indexes = (db: Database.Database, table: string) =>
  db.prepare<[string], string>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name").pluck().all(table);

export const columns = (db: Database.Database, table: string) =>
  (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);

/** Every row of a table, in rowid order: to compare a table before and after a migration. */
export const rows = (db: Database.Database, table: string) => db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all();

const at = (n: number) => new Date(Date.UTC(2025, 2, 1, 10, 0, n)).toISOString();

/** Job `n` of machine m1, completed, in batch BATCH-7: what a test changes, it names. */
export function job(n: number, overrides: Partial<JobState> = {}): JobState {
  return {
    source: 'aida',
    machineId: 'm1',
    key: String(n),
    jobId: String(n),
    correlationId: `CORR-${n}`,
    batchId: 'BATCH-7',
    workflowInstanceId: `wf-${n}`,
    status: 'Completed',
    lastMessageType: 'WorkflowCompleted',
    stateSince: at(n),
    updatedAt: at(n),
    ...overrides,
  };
}

/** The newest schema this console knows: the only one the repositories (electron/core/store/*-repo.ts) read and write. */
export const latest = Math.max(...MIGRATIONS.map((m) => m.version));

/**
 * The queue's grouping term as migration 4 wrote it into its partial indexes, and the consoles of schema 4 and 5 into
 * their queue reads: a job cancelled with a SourceJobInstanceId was hidden, whether or not its source was known.
 */
export const GROUPED_V4 = "NOT (status = 'Cancelled' AND source_job_instance_id IS NOT NULL)";

const flagV1 = (value: boolean | undefined) => (value === undefined ? null : value ? 1 : 0);

/**
 * A job as the consoles of schema 1 to 5 wrote it: migration 0001's jobs columns, which none added to before migration
 * 6. Plain SQL, not JobRepo, which writes the latest schema's columns.
 */
export function insertJobV1(db: Database.Database, j: JobState, seq: number): void {
  if (j.attempts !== undefined) throw new Error('the jobs of schema 1 to 5 have no attempts');
  db.prepare(
    `INSERT INTO jobs (source, machine_id, job_key, job_id, correlation_id, batch_id, workflow_instance_id, status, error_code,
       document_produced, destructive_operation_executed, source_job_instance_id, last_message_type, state_since, updated_at, last_seq)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    j.source,
    j.machineId,
    j.key,
    j.jobId ?? null,
    j.correlationId ?? null,
    j.batchId ?? null,
    j.workflowInstanceId ?? null,
    j.status,
    j.errorCode ?? null,
    flagV1(j.documentProduced),
    flagV1(j.destructiveOperationExecuted),
    j.sourceJobInstanceId ?? null,
    j.lastMessageType,
    j.stateSince,
    j.updatedAt,
    seq,
  );
}

/** A delivery as the consoles of schema 1 to 6 wrote it (migration 0001's columns). Returns its id. */
export function insertDeliveryV1(
  db: Database.Database,
  d: {
    receivedAt: string;
    source: string;
    remoteAddr?: string;
    headers: Record<string, string>;
    body: string;
    outcome: 'accepted' | 'duplicate' | 'rejected';
    httpStatus: number;
    reason?: string;
  },
): number {
  const body = Buffer.from(d.body);
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO deliveries (received_at, source, remote_addr, headers, body, body_length, outcome, http_status, reason)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(d.receivedAt, d.source, d.remoteAddr ?? null, JSON.stringify(d.headers), body, body.length, d.outcome, d.httpStatus, d.reason ?? null);
  return Number(lastInsertRowid);
}

/**
 * An event as the consoles of schema 1 to 5 logged it: migration 0001's columns, `messageId` the de-duplication key as
 * they made it (for AIDA, the bare MessageId). Returns its seq.
 */
export function insertEventV1(
  db: Database.Database,
  e: { seq?: number; deliveryId: number | null; source: string; machineId: string; messageId?: string; type: string; receivedAt: string; message: object },
): number {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO events (seq, delivery_id, source, machine_id, message_id, message_type, received_at, message)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(e.seq ?? null, e.deliveryId, e.source, e.machineId, e.messageId ?? null, e.type, e.receivedAt, JSON.stringify(e.message));
  return Number(lastInsertRowid);
}

/** The queue the index migrations are read against: job 3's card jam cancelled jobs 4 and 5; job 6 was cancelled by
 * the operator; job 2 ran on the second machine; job 1's batch has an underscore (a LIKE wildcard). With each job's seq. */
export const queueJobs = (): [JobState, number][] => [
  [job(1, { batchId: 'BATCH_8' }), 1],
  [job(2, { machineId: 'm2' }), 2],
  [job(3, { status: 'Faulted', errorCode: 'CardJam', documentProduced: true }), 3],
  [job(4, { status: 'Cancelled', sourceJobInstanceId: 'wf-3' }), 4],
  [job(5, { status: 'Cancelled', sourceJobInstanceId: 'wf-3' }), 5],
  [job(6, { status: 'Cancelled', errorCode: 'ManualStop' }), 6],
];

/** Writes the queue as a console of schema 3, 4 or 5 did (plain SQL of that schema). */
export function putQueueJobs(db: Database.Database): void {
  for (const [j, seq] of queueJobs()) insertJobV1(db, j, seq);
}

/**
 * The query plan of every statement `read` runs, in the order it runs them, with the parameters it ran with: the
 * plans of what JobRepo asks, not of a copy of its SQL.
 */
export function plansOf(db: Database.Database, read: () => unknown): { sql: string; plan: string }[] {
  const statement = Object.getPrototypeOf(db.prepare('SELECT 1')) as Database.Statement;
  const spies = [vi.spyOn(statement, 'all'), vi.spyOn(statement, 'get')];
  let ran: { order: number; sql: string; params: unknown[] }[];
  try {
    read();
    ran = spies.flatMap((spy) =>
      spy.mock.calls.map((params, i) => ({
        order: spy.mock.invocationCallOrder[i] ?? 0,
        sql: (spy.mock.contexts[i] as Database.Statement).source,
        params,
      })),
    );
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return ran
    .sort((a, b) => a.order - b.order)
    .map(({ sql, params }) => ({
      sql: sql.replace(/\s+/g, ' ').trim(),
      plan: (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | '),
    }));
}
