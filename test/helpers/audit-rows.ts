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

/**
 * `count` audit events (ids from 1, one a second from `start`) and every tenth second, half a second later, a
 * sign-in of account 7 (Ida): two tables the trail reads as one, interleaved in time. Every fourth event is Ida's,
 * every fifth a refusal; each subject starts with `=`, as a formula would.
 */
export function fillAuditEvents(db: Database.Database, count: number, start = '2026-01-01'): void {
  db.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @count)
     INSERT INTO audit_events (id, at, kind, actor, account_id, account_role, station, subject, new_value)
     SELECT i, strftime('%Y-%m-%dT%H:%M:%fZ', @start, '+' || i || ' seconds'), CASE WHEN i % 5 = 0 THEN 'refused' ELSE 'setting' END,
            CASE WHEN i % 4 = 0 THEN 'Ida' ELSE 'Ola' END, CASE WHEN i % 4 = 0 THEN 7 END, CASE WHEN i % 4 = 0 THEN 'it' END,
            'st1', '=HYPERLINK("x")', '7'
     FROM n`,
  ).run({ count, start });
  db.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @count)
     INSERT INTO account_events (id, at, event, account_id, account_name, role, station, via)
     SELECT i, strftime('%Y-%m-%dT%H:%M:%fZ', @start, '+' || (i * 10) || ' seconds', '+0.5 seconds'), 'sign-in', 7, 'Ida', 'it', 'st1', 'pin'
     FROM n`,
  ).run({ count: Math.floor(count / 10), start });
}
