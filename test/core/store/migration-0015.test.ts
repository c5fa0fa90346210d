import { describe, expect, it } from 'vitest';
import { redactPersonalData } from '../../../electron/core/store/retention-redaction';
import { JobOutcomeCounts } from '../../../electron/core/store/job-outcome-counts';
import { SnapshotRepo } from '../../../electron/core/store/snapshot-repo';
import { databaseAt, indexes, schemaVersion, tables, upgradeTo } from './helpers';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

describe('migration 15: the camera\'s pictures, and counts of ended jobs by time', () => {
  it('adds the pictures\' table and the index the counts use, keeping every event', () => {
    const { db } = databaseAt(14);
    db.prepare(
      `INSERT INTO events (source, machine_id, message_id, message_type, received_at, message) VALUES ('aida', 'm1', 'a', 'WorkflowCompleted', ?, '{}')`,
    ).run('2026-03-02T08:00:00.000Z');
    const before = tables(db);
    upgradeTo(db, 15);
    expect(schemaVersion(db)).toBe(15);
    expect(tables(db)).toEqual([...before, 'review_snapshots'].sort());
    expect(indexes(db, 'events')).toContain('events_job_outcomes');
    expect(new JobOutcomeCounts(db).between('m1', '2026-03-02T07:00:00.000Z', '2026-03-02T09:00:00.000Z')).toEqual({ completed: 1, faulted: 0 });
    expect(new JobOutcomeCounts(db).between('m1', '2026-03-02T08:00:00.001Z', '2026-03-02T09:00:00.000Z')).toEqual({ completed: 0, faulted: 0 });
  });

  it('lets the personal-data retention delete the pictures taken before its cutoff, and only those', () => {
    const { db } = databaseAt(15);
    const snapshots = new SnapshotRepo(db);
    snapshots.add({ reviewId: 1, machineId: 'm1', takenAt: '2026-01-01T08:00:00.000Z', mime: 'image/png', image: PNG });
    snapshots.add({ reviewId: 2, machineId: 'm1', takenAt: '2026-03-01T08:00:00.000Z', mime: 'image/png', image: PNG });
    while (redactPersonalData(db, '2026-02-01T00:00:00.000Z') > 0);
    expect(snapshots.ofReview(1)).toEqual([]);
    expect(snapshots.ofReview(2).map((s) => [s.takenAt, [...s.image]])).toEqual([['2026-03-01T08:00:00.000Z', [...PNG]]]);
  });
});
