import { describe, expect, it } from 'vitest';
import { AlertRepo } from '../../../electron/core/store/alert-repo';
import { MIGRATIONS } from '../../../electron/core/store/migrations';
import { columns, databaseAt, indexes, rows, schemaVersion, tables, upgradeTo } from './helpers';

const before13 = Math.max(...MIGRATIONS.filter((m) => m.version < 13).map((m) => m.version));

describe('migration 13: the alarm model', () => {
  it('adds the alarm columns and the shelf table, keeping closed alerts and their English reasons as written', () => {
    const { db } = databaseAt(before13);
    db.prepare(
      `INSERT INTO alerts (machine_id, kind, code, opened_at, closed_at, closed_reason) VALUES ('m1', 'suspension', 'CardJam', '2025-03-01T10:00:00.000Z', '2025-03-01T10:05:00.000Z', 'the machine reports it runs again')`,
    ).run();
    db.prepare(`INSERT INTO alerts (machine_id, kind, opened_at) VALUES ('m1', 'silence', '2025-03-01T11:00:00.000Z')`).run();
    const before = rows(db, 'alerts');
    upgradeTo(db, 13);
    expect(schemaVersion(db)).toBe(13);
    expect(tables(db)).toContain('alert_shelves');
    expect(columns(db, 'alerts')).toEqual(expect.arrayContaining(['suppressed_by', 'first_out', 'latched', 'closed_code', 'closed_params']));
    expect(indexes(db, 'alerts')).toEqual(expect.arrayContaining(['alerts_opened', 'alerts_latched']));
    expect(rows(db, 'alerts')).toEqual(
      before.map((r) => ({ ...(r as object), suppressed_by: null, first_out: 0, latched: 0, closed_code: null, closed_params: null })),
    );
    const repo = new AlertRepo(db);
    expect(repo.openAlerts().map((a) => a.kind)).toEqual(['silence']);
    expect(repo.get(1)).toMatchObject({ closed_reason: 'the machine reports it runs again', closed_code: null });
  });
});
