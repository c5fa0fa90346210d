import type { Migration } from '../migrate';

/**
 * The supervisor PIN's refusals, for the audit trail: until named accounts exist one PIN is shared, and each wrong
 * (or missing) PIN is a guess someone made. A row is one refusal after which the console made everyone wait;
 * `waited` counts the attempts refused unchecked during that wait, so a script hammering the PIN adds at most one
 * row per wait, not one per request. The table keeps its newest rows only (pin-refusal-repo.ts).
 */
export const migration0007: Migration = {
  version: 7,
  name: 'pin-refusals',
  up: `
    CREATE TABLE pin_refusals (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL,
      machine_id TEXT,
      review_id INTEGER,
      outcome TEXT,
      reason TEXT NOT NULL,
      wait_ms INTEGER NOT NULL,
      waited INTEGER NOT NULL DEFAULT 0,
      last_at TEXT NOT NULL
    );
  `,
};
