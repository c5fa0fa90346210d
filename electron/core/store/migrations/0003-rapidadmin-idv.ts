import type { Migration } from '../migrate';

/**
 * RapIDadmin / EliteID and identity verification. Projections of the event log (rebuilt from it): people, sequence
 * state per person and card template, the activity feed, verifications, AIDA jobs' AdditionalMetadata (to link jobs
 * to verifications), and the alerts these sources raise. Not projections, so never emptied: acknowledgements of those
 * alerts (a person's act), GetProcess answers (fetched, not delivered), and settings changed in the console.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'rapidadmin-idv',
  up: `
    CREATE TABLE rapidadmin_persons (
      person_id TEXT PRIMARY KEY,
      body TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0,
      last_seq INTEGER NOT NULL
    );

    CREATE TABLE rapidadmin_sequences (
      sequence_key TEXT PRIMARY KEY,
      state TEXT NOT NULL,
      last_seq INTEGER NOT NULL
    );

    CREATE TABLE feed_activity (
      seq INTEGER PRIMARY KEY,
      source TEXT NOT NULL,
      at TEXT NOT NULL,
      entry TEXT NOT NULL
    );

    CREATE TABLE idv_verifications (
      process_key TEXT PRIMARY KEY,
      state TEXT NOT NULL,
      last_seq INTEGER NOT NULL
    );
    CREATE INDEX idv_verifications_recent ON idv_verifications (last_seq DESC);

    CREATE TABLE job_metadata (
      machine_id TEXT NOT NULL,
      job_key TEXT NOT NULL,
      metadata TEXT NOT NULL,
      PRIMARY KEY (machine_id, job_key)
    );
    CREATE INDEX jobs_correlation_nocase ON jobs (correlation_id COLLATE NOCASE) WHERE correlation_id IS NOT NULL;

    CREATE TABLE feed_alerts (
      id TEXT PRIMARY KEY,
      source TEXT NOT NULL,
      kind TEXT NOT NULL,
      title TEXT NOT NULL,
      text TEXT NOT NULL,
      subject TEXT NOT NULL,
      at TEXT NOT NULL,
      seq INTEGER NOT NULL
    );
    CREATE INDEX feed_alerts_recent ON feed_alerts (seq DESC);

    CREATE TABLE feed_alert_acks (
      id TEXT PRIMARY KEY,
      acked_at TEXT NOT NULL,
      actor TEXT NOT NULL
    );

    CREATE TABLE idv_process_details (
      process_key TEXT PRIMARY KEY,
      details TEXT NOT NULL
    );

    CREATE TABLE feed_settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL,
      changed_at TEXT NOT NULL,
      changed_by TEXT NOT NULL
    );
  `,
};
