import type { Migration } from '../migrate';

/**
 * Machine health and evidence (issue 15). The camera's pictures beside OCR reviews, kept only where
 * `review.keepSnapshots` is on (personal data: the personal-data retention deletes them, oldest first, by
 * `taken_at`). And an index for the console's own counts of completed and faulted jobs per machine over a time range,
 * compared with the machine's personalization sessions.
 */
export const migration0015: Migration = {
  version: 15,
  name: 'health-snapshots',
  up: `
    CREATE TABLE review_snapshots (
      id INTEGER PRIMARY KEY,
      review_id INTEGER NOT NULL,
      machine_id TEXT NOT NULL,
      taken_at TEXT NOT NULL,
      mime TEXT NOT NULL,
      image BLOB NOT NULL
    );
    CREATE INDEX review_snapshots_review ON review_snapshots (review_id, id);
    CREATE INDEX review_snapshots_taken ON review_snapshots (taken_at);

    CREATE INDEX events_job_outcomes ON events (machine_id, message_type, received_at) WHERE source = 'aida';
  `,
};
