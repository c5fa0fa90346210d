import { describe, expect, it } from 'vitest';
import { JobRepo } from '../../../electron/core/store/job-repo';
import { PinRefusalRepo } from '../../../electron/core/store/pin-refusal-repo';
import { databaseAt, job, rows, schemaVersion, tables, upgradeTo } from './helpers';

const refusal = (n: number) => ({ at: `2025-03-01T10:00:${String(n % 60).padStart(2, '0')}.000Z`, actor: 'op@line2', action: 'abort' as const, machineId: 'm1', reason: 'wrong' as const, waitMs: 1000 });

describe('migration 7: refused supervisor PINs', () => {
  it('adds their table to a schema-6 database and leaves everything else as it was', () => {
    const { db } = databaseAt(6);
    new JobRepo(db).put(job(1), 1);
    const before = { tables: tables(db), jobs: rows(db, 'jobs') };
    upgradeTo(db, 7);
    expect(schemaVersion(db)).toBe(7);
    expect(tables(db)).toEqual([...before.tables, 'pin_refusals'].sort());
    expect(rows(db, 'jobs')).toEqual(before.jobs);
    const repo = new PinRefusalRepo(db);
    const id = repo.record(refusal(1));
    repo.countWaited(id, '2025-03-01T10:00:05.000Z');
    expect(repo.recent(10)).toEqual({
      rows: [{ id, ...refusal(1), waited: 1, lastAt: '2025-03-01T10:00:05.000Z' }],
      total: 1,
    });
  });

  it('keeps only the newest refusals, so guessing cannot fill the disk', () => {
    const { db } = databaseAt(7);
    const repo = new PinRefusalRepo(db, 5);
    for (let i = 0; i < 12; i++) repo.record(refusal(i));
    const { rows: kept, total } = repo.recent(100);
    expect(total).toBe(5);
    expect(kept.map((r) => r.at)).toEqual([11, 10, 9, 8, 7].map((n) => refusal(n).at));
  });
});
