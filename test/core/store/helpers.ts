import Database from 'better-sqlite3';
import { join } from 'node:path';
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

/** The queue both index migrations are read against: job 3's card jam cancelled jobs 4 and 5; job 6 was cancelled by
 * the operator; job 2 ran on the second machine; job 1's batch has an underscore (a LIKE wildcard). */
export function putQueueJobs(repo: { put(job: JobState, seq: number): void }): void {
  repo.put(job(1, { batchId: 'BATCH_8' }), 1);
  repo.put(job(2, { machineId: 'm2' }), 2);
  repo.put(job(3, { status: 'Faulted', errorCode: 'CardJam', documentProduced: true }), 3);
  repo.put(job(4, { status: 'Cancelled', sourceJobInstanceId: 'wf-3' }), 4);
  repo.put(job(5, { status: 'Cancelled', sourceJobInstanceId: 'wf-3' }), 5);
  repo.put(job(6, { status: 'Cancelled', errorCode: 'ManualStop' }), 6);
}
