import type { Migration } from '../migrate';

/**
 * Backups and restores. `backups`: each copy the console made of its database (daily, on request, before a
 * migration), where it went and what its integrity check found, so the settings screen and the stale-backup alert
 * survive a restart. `restored_at` on reviews and commands: set on every open review and unsettled command when a
 * backup is restored. The backup may predate decisions the machine already received, so such a row is not acted on
 * (no decision, no send) until the machine's list of suspended jobs or a newer message settles it; cleared then.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'backups-restored-marks',
  up: `
    CREATE TABLE backups (
      id INTEGER PRIMARY KEY,
      file TEXT NOT NULL,
      reason TEXT NOT NULL CHECK (reason IN ('daily', 'manual', 'migration')),
      started_at TEXT NOT NULL,
      finished_at TEXT,
      bytes INTEGER,
      result TEXT NOT NULL CHECK (result IN ('running', 'unchecked', 'ok', 'failed')),
      detail TEXT
    );
    ALTER TABLE reviews ADD COLUMN restored_at TEXT;
    ALTER TABLE commands ADD COLUMN restored_at TEXT;
  `,
};
