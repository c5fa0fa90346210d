import type { Migration } from '../migrate';

/**
 * Tables whose ids are named outside their row: a review's id by its command (one signal per review) and by the
 * screen, a command's by "send again", an alert's by its commands, a delivery's by its events and the refused list,
 * an event's seq by the projections' cursor, reviews and feed alerts' ids.
 */
const NAMED_IDS: readonly (readonly [table: string, id: string])[] = [
  ['reviews', 'id'],
  ['commands', 'id'],
  ['alerts', 'id'],
  ['deliveries', 'id'],
  ['events', 'seq'],
];

/**
 * Ids are never reused once rows leave for the archive. These tables are not AUTOINCREMENT: SQLite gives a new row
 * the largest id present plus one, so removing the newest row would hand its id to the next one (a new review taking
 * an archived review's id would find that review's command and send nothing). Rebuilding them as AUTOINCREMENT would
 * copy the whole event log at start-up; instead the newest row stays as the high-water mark, and a trigger refuses
 * its deletion whoever asks.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'id-high-water',
  up: `${NAMED_IDS.map(
    ([table, id]) => `
    CREATE TRIGGER ${table}_keep_newest BEFORE DELETE ON ${table}
      WHEN OLD.${id} >= (SELECT max(${id}) FROM ${table})
      BEGIN SELECT RAISE(ABORT, 'the newest row of ${table} keeps its ids from being reused'); END;`,
  ).join('\n')}
    -- The archive moves an alert with the commands issued while it was open: found by this, not a scan of the outbox.
    CREATE INDEX commands_alert ON commands (alert_id) WHERE alert_id IS NOT NULL;`,
};
