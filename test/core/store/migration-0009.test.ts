import { describe, expect, it } from 'vitest';
import { CommandRepo } from '../../../electron/core/store/command-repo';
import { ReviewRepo } from '../../../electron/core/store/review-repo';
import { databaseAt, LATEST_VERSION, rows, schemaVersion, upgradeTo } from './helpers';

const at = '2025-03-01T10:00:00.000Z';
const opening = (seq: number) => ({ machineId: 'm1', workflowInstanceId: `wf-${seq}`, jobKey: String(seq), kind: 'ocr' as const, seq, at, payload: {} });
const signal = (reviewId: number) => ({ machineId: 'm1', kind: 'signal' as const, payload: {}, actor: 'op', role: 'operator' as const, reviewId, at });

describe('migration 9: ids are never reused once rows leave', () => {
  it('shows the danger on schema 7: a review removed as the newest hands its id on, and its decision sends nothing', () => {
    const { db } = databaseAt(7);
    const reviews = new ReviewRepo(db);
    const first = reviews.open(opening(1)) as number;
    // The decision's signal, as schema 7 holds it.
    db.prepare(
      `INSERT INTO commands (machine_id, kind, payload, actor, role, state, review_id, created_at, updated_at) VALUES ('m1', 'signal', '{}', 'op', 'operator', 'queued', ?, ?, ?)`,
    ).run(first, at, at);
    // A clean-up that removed the newest review but kept the audit's commands: a tool on foreign keys' default (off,
    // in SQLite's own shell), or a retention that moved reviews and commands by their own ages.
    db.pragma('foreign_keys = OFF');
    db.prepare('DELETE FROM reviews WHERE id = ?').run(first);
    const second = reviews.open(opening(2)) as number;
    expect(second).toBe(first);
    // Brought up to date, the console finds the old review's signal for the new review: the decision sends nothing.
    upgradeTo(db, LATEST_VERSION);
    expect(new CommandRepo(db).create(signal(second)).created).toBe(false);
  });

  it('refuses, from schema 9 on, to delete the newest review, command, alert, delivery or event; older ones may go', () => {
    const { db } = databaseAt(7);
    const reviews = new ReviewRepo(db);
    const first = reviews.open(opening(1)) as number;
    const before = rows(db, 'reviews');
    upgradeTo(db, LATEST_VERSION);
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(9);
    // Later migrations add columns (restored_at; the closing reason's code); no row changes.
    expect(rows(db, 'reviews')).toEqual(before.map((r) => ({ ...(r as object), restored_at: null, closed_code: null, closed_params: null })));
    expect(() => db.prepare('DELETE FROM reviews WHERE id = ?').run(first)).toThrow(/newest row of reviews/);
    const second = reviews.open(opening(2)) as number;
    expect(second).toBe(first + 1);
    db.prepare('DELETE FROM reviews WHERE id = ?').run(first);
    // With the older review gone, the next one still takes a new id, and its decision a command of its own.
    const third = reviews.open(opening(3)) as number;
    expect(third).toBe(second + 1);
    expect(new CommandRepo(db).create(signal(third)).created).toBe(true);
    for (const table of ['commands', 'alerts', 'deliveries', 'events']) {
      expect(db.prepare<[], string>(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = '${table}'`).pluck().all()).toEqual([`${table}_keep_newest`]);
    }
    expect(() => db.exec('DELETE FROM commands')).toThrow(/newest row of commands/);
  });
});
