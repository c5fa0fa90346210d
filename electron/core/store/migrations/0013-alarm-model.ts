import type { Migration } from '../migrate';

/**
 * The alarm model (issue 14). On `alerts`: `suppressed_by`, the root alert a follow-on was raised under (kept once the
 * alert closes, for history); `first_out`, set when it opened with no other alert in the 10 minutes before (decided at
 * open time, so a restart does not change it); `latched`, closed by the machine but not yet acknowledged (only with
 * `alarms.latching`); `closed_code` and `closed_params` (JSON), why it closed as a code the page renders in the
 * viewer's language: rows closed before keep their `closed_reason` text as written. `alerts_opened`: the flood and the
 * KPIs read alerts by when they opened.
 *
 * `alert_shelves`: a supervisor taking a notice out of the band until `until`, with a reason; `ended_at` when it
 * came back (expired: `until`; unshelved: `ended_by` who; the alert closed: `ended_by` NULL). No foreign key: an
 * alert may move to the year's archive while its shelves stay.
 */
export const migration0013: Migration = {
  version: 13,
  name: 'alarm-model',
  up: `
    ALTER TABLE alerts ADD COLUMN suppressed_by INTEGER;
    ALTER TABLE alerts ADD COLUMN first_out INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE alerts ADD COLUMN latched INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE alerts ADD COLUMN closed_code TEXT;
    ALTER TABLE alerts ADD COLUMN closed_params TEXT;
    CREATE INDEX alerts_opened ON alerts (opened_at);
    CREATE INDEX alerts_latched ON alerts (id) WHERE latched = 1;

    CREATE TABLE alert_shelves (
      id INTEGER PRIMARY KEY,
      alert_id INTEGER NOT NULL,
      shelved_at TEXT NOT NULL,
      until TEXT NOT NULL,
      reason TEXT NOT NULL,
      actor TEXT NOT NULL,
      account_id INTEGER,
      ended_at TEXT,
      ended_by TEXT
    );
    CREATE INDEX alert_shelves_current ON alert_shelves (alert_id) WHERE ended_at IS NULL;
  `,
};
