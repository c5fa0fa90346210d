import type { Migration } from '../migrate';

/**
 * Named people (issue 13). `accounts`: each with its own salt inside `pin_hash` (scrypt), a role, a badge found by
 * its keyed hash, and the wrong-PIN counters that slow guesses down and lock for a while. `source = 'file'`: an
 * account IT provisions in the machine-wide file, mirrored here for its lock state; removed from the file, it is
 * disabled, never deleted, so its name stays in the audit. `account_events`: sign-ins, sign-outs, failures and
 * every change to an account, each naming the account, role and station, and who made the change.
 */
export const migration0011: Migration = {
  version: 11,
  name: 'accounts',
  up: `
    CREATE TABLE accounts (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      name_key TEXT NOT NULL UNIQUE,
      role TEXT NOT NULL CHECK (role IN ('operator', 'supervisor', 'it')),
      source TEXT NOT NULL DEFAULT 'console' CHECK (source IN ('console', 'file')),
      pin_hash TEXT NOT NULL,
      badge_key TEXT UNIQUE,
      disabled INTEGER NOT NULL DEFAULT 0,
      failures INTEGER NOT NULL DEFAULT 0,
      last_failure_at TEXT,
      locked_until TEXT,
      must_change_pin INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE TABLE account_events (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      event TEXT NOT NULL,
      account_id INTEGER,
      account_name TEXT NOT NULL,
      role TEXT,
      station TEXT NOT NULL,
      via TEXT NOT NULL,
      by_account_id INTEGER,
      by_name TEXT,
      detail TEXT
    );
    CREATE INDEX account_events_account ON account_events (account_id, id);
  `,
};
