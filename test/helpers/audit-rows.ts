import type Database from 'better-sqlite3';

/**
 * `count` commands with ids from `firstId`, one a second from `start`, written straight into a database of the current
 * schema: hundreds of thousands of audit rows in well under a second. Every seventh is on m2, every third a Stop; each
 * payload starts a cell with `=`, as a formula would. A console that runs on them archives those older than its
 * retention: start them recently there.
 */
export function fillCommands(db: Database.Database, count: number, firstId = 1, start = '2026-01-01'): void {
  db.prepare(
    `WITH RECURSIVE n(i) AS (SELECT @first UNION ALL SELECT i + 1 FROM n WHERE i < @last)
     INSERT INTO commands (id, machine_id, kind, payload, actor, role, state, attempts, created_at, updated_at)
     SELECT i, CASE WHEN i % 7 = 0 THEN 'm2' ELSE 'm1' END, CASE WHEN i % 3 = 0 THEN 'stop' ELSE 'resume' END,
            '{"note":"=cmd|calc"}', 'anna@line2', 'operator', 'acknowledged', 1,
            strftime('%Y-%m-%dT%H:%M:%fZ', @start, '+' || i || ' seconds'), strftime('%Y-%m-%dT%H:%M:%fZ', @start)
     FROM n`,
  ).run({ first: firstId, last: firstId + count - 1, start });
}
