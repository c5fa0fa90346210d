import { describe, expect, it } from 'vitest';
import { CommandRepo } from '../../../electron/core/store/command-repo';
import { ReviewRepo } from '../../../electron/core/store/review-repo';
import { MIGRATIONS } from '../../../electron/core/store/migrations';
import { columns, databaseAt, LATEST_VERSION, rows, schemaVersion, tables, upgradeTo } from './helpers';

const before10 = Math.max(...MIGRATIONS.filter((m) => m.version < 10).map((m) => m.version));
const at = '2026-03-02T03:00:00.000Z';

function openReview(reviews: ReviewRepo, n: number) {
  return reviews.open({ machineId: 'm1', workflowInstanceId: `wf-${n}`, jobKey: String(n), kind: 'ocr', seq: n, at, payload: {} }) ?? 0;
}

describe('migration 10: backups and restored marks', () => {
  it('adds the backups table and the restored marks, leaving reviews and commands as they were', () => {
    const { db } = databaseAt(before10);
    const reviews = new ReviewRepo(db);
    const id = openReview(reviews, 1);
    db.prepare(
      `INSERT INTO commands (machine_id, kind, payload, actor, role, state, review_id, created_at, updated_at) VALUES ('m1', 'signal', '{}', 'op', 'operator', 'queued', ?, ?, ?)`,
    ).run(id, at, at);
    const before = { reviews: rows(db, 'reviews'), commands: rows(db, 'commands') };
    upgradeTo(db, 10);
    expect(schemaVersion(db)).toBe(10);
    expect(tables(db)).toContain('backups');
    expect(columns(db, 'reviews')).toContain('restored_at');
    expect(columns(db, 'commands')).toContain('restored_at');
    expect(rows(db, 'reviews')).toEqual(before.reviews.map((r) => ({ ...(r as object), restored_at: null })));
    expect(rows(db, 'commands')).toEqual(before.commands.map((r) => ({ ...(r as object), restored_at: null })));
  });

  it('marks only what is still open or unsettled when a backup is restored', () => {
    const { db } = databaseAt(LATEST_VERSION);
    const reviews = new ReviewRepo(db);
    const commands = new CommandRepo(db);
    const open = openReview(reviews, 1);
    const closed = openReview(reviews, 2);
    reviews.close(closed, at, { text: 'the machine moved on' });
    const queued = commands.create({ machineId: 'm1', kind: 'resume', payload: {}, actor: 'op', role: 'operator', at }).command;
    const done = commands.create({ machineId: 'm1', kind: 'stop', payload: {}, actor: 'op', role: 'operator', at }).command;
    commands.update(done.id, 'acknowledged', 'HTTP 200', at);
    expect([reviews.markRestored(at), commands.markRestored(at)]).toEqual([1, 1]);
    expect(reviews.get(open)?.restored_at).toBe(at);
    expect(reviews.get(closed)?.restored_at).toBeNull();
    expect(commands.get(queued.id).restoredAt).toBe(at);
    expect(commands.get(done.id).restoredAt).toBeUndefined();
    // Settling a command clears its mark.
    expect(commands.update(queued.id, 'failed', 'restored from a backup: not sent', at).restoredAt).toBeUndefined();
  });
});
