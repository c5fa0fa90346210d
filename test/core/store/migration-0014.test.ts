import { describe, expect, it } from 'vitest';
import { migration0014 } from '../../../electron/core/store/migrations/0014-production';
import { columns, databaseAt, indexes, rows, schemaVersion, tables, upgradeTo } from './helpers';

const at = (m: number) => new Date(Date.UTC(2026, 2, 2, 5, m)).toISOString();

describe('migration 14: production reports', () => {
  it('gives every job the time its first message arrived, from the log, and changes nothing else of it', () => {
    const { db } = databaseAt(12);
    const event = db.prepare(
      `INSERT INTO events (source, machine_id, message_type, received_at, message) VALUES ('aida', 'm1', ?, ?, ?)`,
    );
    event.run('WorkflowStarted', at(1), JSON.stringify({ messageType: 'WorkflowStarted', jobId: 'J1', workflowInstanceId: 'wf-1' }));
    event.run('WorkflowCompleted', at(3), JSON.stringify({ messageType: 'WorkflowCompleted', jobId: 'J1', workflowInstanceId: 'wf-1' }));
    event.run('WorkflowStarted', at(2), JSON.stringify({ messageType: 'WorkflowStarted', workflowInstanceId: 'wf-2' }));
    const job = db.prepare(
      `INSERT INTO jobs (source, machine_id, job_key, job_id, status, last_message_type, state_since, updated_at, last_seq)
       VALUES (?, ?, ?, ?, ?, 'x', ?, ?, 1)`,
    );
    job.run('aida', 'm1', 'J1', 'J1', 'Completed', at(3), at(3));
    job.run('aida', 'm1', 'wf:wf-2', null, 'Running', at(2), at(2));
    // A job whose messages were archived, and a RapIDadmin print job: their last status change stands in.
    job.run('aida', 'm1', 'J0', 'J0', 'Faulted', at(0), at(0));
    job.run('rapidadmin', 'rapidadmin', 'p1', 'p1', 'Completed', at(4), at(4));
    const before = rows(db, 'jobs');

    upgradeTo(db, 14);
    expect(schemaVersion(db)).toBe(14);
    expect(columns(db, 'jobs')).toContain('started_at');
    expect(rows(db, 'jobs')).toEqual(
      (before as Record<string, unknown>[]).map((r) => ({ ...r, started_at: { J1: at(1), 'wf:wf-2': at(2), J0: at(0), p1: at(4) }[r['job_key'] as string] })),
    );
    expect(tables(db)).toContain('shift_reports');
    // New jobs get their start from the projection's own writes, whatever schema its SQL was written for.
    db.prepare(
      `INSERT INTO jobs (source, machine_id, job_key, status, last_message_type, state_since, updated_at, last_seq)
       VALUES ('aida', 'm1', 'J9', 'Running', 'x', ?, ?, 9)`,
    ).run(at(9), at(9));
    db.prepare("UPDATE jobs SET updated_at = ? WHERE job_key = 'J9'").run(at(8));
    db.prepare("UPDATE jobs SET updated_at = ? WHERE job_key = 'J9'").run(at(12));
    expect(db.prepare("SELECT started_at FROM jobs WHERE job_key = 'J9'").pluck().get()).toBe(at(8));
    expect(indexes(db, 'jobs')).toEqual(expect.arrayContaining(['jobs_started', 'jobs_machine_started']));
    expect(indexes(db, 'events')).toContain('events_scheduler');
    expect(indexes(db, 'commands')).toContain('commands_kind_machine');
    expect(indexes(db, 'feed_activity')).toContain('feed_activity_reprints');
  });

  it('finds each job\'s first message on the log\'s job indexes, never by scanning the log', () => {
    const { db } = databaseAt(14);
    const backfill = /UPDATE jobs SET started_at[\s\S]*?state_since\);/.exec(migration0014.up)?.[0];
    const plan = db.prepare<[], { detail: string }>(`EXPLAIN QUERY PLAN ${backfill ?? ''}`).all().map((r) => r.detail);
    expect(plan).toContainEqual(expect.stringMatching(/SEARCH e USING INDEX events_job_id \(machine_id=\? AND <expr>=\?\)/));
    expect(plan).toContainEqual(expect.stringMatching(/SEARCH e USING INDEX events_workflow_instance \(machine_id=\? AND <expr>=\?\)/));
  });
});
