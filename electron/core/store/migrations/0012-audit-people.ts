import type { Migration } from '../migrate';

/**
 * The audit names people (issue 13). Commands and feed-alert acknowledgements gain the account, its role and the
 * station beside their actor string (rows written before keep their actor and nothing else: nobody was signed in);
 * `signed_in` names who was signed in at the station when a supervisor stepped up there. What is not a command
 * (settings changes, account changes, sign-in and sign-out, refused calls, acknowledgements, a silenced reminder) is
 * an `audit_events` row. The events are filtered by person, hence the index on the account. A refusal repeated
 * with nothing in between (a script calling again and again) is one row with a count, so it cannot fill the disk.
 */
export const migration0012: Migration = {
  version: 12,
  name: 'audit-people',
  up: `
    ALTER TABLE commands ADD COLUMN account_id INTEGER;
    ALTER TABLE commands ADD COLUMN account_role TEXT;
    ALTER TABLE commands ADD COLUMN station TEXT;
    ALTER TABLE commands ADD COLUMN signed_in TEXT;
    CREATE INDEX commands_account ON commands (account_id, id) WHERE account_id IS NOT NULL;

    ALTER TABLE feed_alert_acks ADD COLUMN account_id INTEGER;
    ALTER TABLE feed_alert_acks ADD COLUMN account_role TEXT;
    ALTER TABLE feed_alert_acks ADD COLUMN station TEXT;

    CREATE TABLE audit_events (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      kind TEXT NOT NULL,
      actor TEXT NOT NULL,
      account_id INTEGER,
      account_role TEXT,
      station TEXT NOT NULL,
      signed_in TEXT,
      method TEXT,
      subject TEXT,
      old_value TEXT,
      new_value TEXT,
      detail TEXT,
      repeats INTEGER NOT NULL DEFAULT 0,
      last_at TEXT
    );
    CREATE INDEX audit_events_account ON audit_events (account_id, id) WHERE account_id IS NOT NULL;
  `,
};
