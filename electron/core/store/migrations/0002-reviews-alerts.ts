import type { Migration } from '../migrate';

/**
 * Reviews: each suspension of a job that waits for an external decision (OCR read, chip encoding, readback), opened
 * by the webhook that announced it. A signal answers exactly one review, which the unique index on commands enforces
 * across double clicks, two windows and restarts. Alerts: what an operator was shown, and when it ended.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'reviews-alerts',
  up: `
    CREATE INDEX jobs_source_job ON jobs (machine_id, source_job_instance_id) WHERE source_job_instance_id IS NOT NULL;
    CREATE INDEX jobs_status_recent ON jobs (status, last_seq DESC);

    CREATE TABLE reviews (
      id INTEGER PRIMARY KEY,
      machine_id TEXT NOT NULL,
      workflow_instance_id TEXT NOT NULL,
      job_key TEXT,
      kind TEXT NOT NULL,
      opened_seq INTEGER NOT NULL UNIQUE,
      opened_at TEXT NOT NULL,
      payload TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('pending', 'decided', 'closed')),
      decision TEXT,
      decided_by TEXT,
      decided_at TEXT,
      reason TEXT,
      closed_at TEXT,
      closed_reason TEXT
    );
    CREATE INDEX reviews_state ON reviews (state, id);
    CREATE INDEX reviews_instance ON reviews (machine_id, workflow_instance_id, state);

    ALTER TABLE commands ADD COLUMN review_id INTEGER REFERENCES reviews (id);
    ALTER TABLE commands ADD COLUMN alert_id INTEGER;
    CREATE UNIQUE INDEX commands_one_signal ON commands (review_id) WHERE review_id IS NOT NULL;

    CREATE TABLE alerts (
      id INTEGER PRIMARY KEY,
      machine_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      code TEXT,
      detail TEXT,
      opened_at TEXT NOT NULL,
      closed_at TEXT,
      closed_reason TEXT
    );
    CREATE INDEX alerts_open ON alerts (machine_id, kind) WHERE closed_at IS NULL;
    CREATE INDEX alerts_recent ON alerts (id DESC);
  `,
};
