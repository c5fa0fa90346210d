import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/store/migrate';
import { MIGRATIONS } from '../../../electron/core/store/migrations';
import { migration0003 } from '../../../electron/core/store/migrations/0003-rapidadmin-idv';

const MY_TABLES = [
  'feed_activity',
  'feed_alert_acks',
  'feed_alerts',
  'feed_settings',
  'idv_process_details',
  'idv_verifications',
  'job_metadata',
  'rapidadmin_persons',
  'rapidadmin_sequences',
];

const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

describe('migration 0003: RapIDadmin and identity verification', () => {
  it('adds its tables to a database of the previous version, keeping its jobs', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.filter((m) => m.version < migration0003.version));
    db.prepare(
      "INSERT INTO jobs (machine_id, job_key, correlation_id, status, last_message_type, state_since, updated_at, last_seq) VALUES ('m1', '40', 'P-1', 'Running', 'WorkflowStarted', 't', 't', 1)",
    ).run();
    migrate(db, MIGRATIONS);
    expect(tables(db)).toEqual(expect.arrayContaining(MY_TABLES));
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(3);
    // The case-insensitive index links a verification to the job whatever the case of its processId.
    expect(db.prepare("SELECT job_key FROM jobs WHERE correlation_id = 'p-1' COLLATE NOCASE").all()).toEqual([{ job_key: '40' }]);
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT job_key FROM jobs WHERE correlation_id = ? COLLATE NOCASE').all('p-1') as { detail: string }[];
    expect(plan.map((p) => p.detail).join()).toContain('jobs_correlation_nocase');
    db.close();
  });
});
