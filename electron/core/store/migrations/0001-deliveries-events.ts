import type { Migration } from '../migrate';

/**
 * Every delivery as it arrived (headers redacted, raw body kept even when refused), and the accepted messages as an
 * append-only event log. The jobs and machine tables are projections of the log and can be rebuilt from it.
 */
export const migration0001: Migration = {
  version: 1,
  name: 'deliveries-events',
  up: `
    CREATE TABLE deliveries (
      id INTEGER PRIMARY KEY,
      received_at TEXT NOT NULL,
      source TEXT NOT NULL,
      remote_addr TEXT,
      headers TEXT NOT NULL,
      body BLOB NOT NULL,
      body_length INTEGER NOT NULL,
      outcome TEXT NOT NULL CHECK (outcome IN ('accepted', 'duplicate', 'rejected')),
      http_status INTEGER NOT NULL,
      reason TEXT
    );
    CREATE INDEX deliveries_outcome ON deliveries (outcome, id);

    CREATE TABLE events (
      seq INTEGER PRIMARY KEY,
      -- Null for events the console records itself (reconciliation with the machine's API).
      delivery_id INTEGER REFERENCES deliveries (id),
      source TEXT NOT NULL,
      machine_id TEXT NOT NULL,
      message_id TEXT,
      message_type TEXT NOT NULL,
      received_at TEXT NOT NULL,
      message TEXT NOT NULL,
      duplicates INTEGER NOT NULL DEFAULT 0
    );
    CREATE UNIQUE INDEX events_message_id ON events (source, message_id) WHERE message_id IS NOT NULL;

    CREATE TABLE jobs (
      source TEXT NOT NULL DEFAULT 'aida',
      machine_id TEXT NOT NULL,
      job_key TEXT NOT NULL,
      job_id TEXT,
      correlation_id TEXT,
      batch_id TEXT,
      workflow_instance_id TEXT,
      status TEXT NOT NULL,
      error_code TEXT,
      document_produced INTEGER,
      destructive_operation_executed INTEGER,
      source_job_instance_id TEXT,
      last_message_type TEXT NOT NULL,
      state_since TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      last_seq INTEGER NOT NULL,
      PRIMARY KEY (machine_id, job_key)
    );
    CREATE INDEX jobs_recent ON jobs (last_seq DESC);
    CREATE INDEX jobs_machine_recent ON jobs (machine_id, last_seq DESC);
    CREATE INDEX jobs_workflow ON jobs (machine_id, workflow_instance_id);

    CREATE TABLE machine_state (
      machine_id TEXT PRIMARY KEY,
      state TEXT NOT NULL,
      last_seq INTEGER NOT NULL
    );

    CREATE TABLE commands (
      id INTEGER PRIMARY KEY,
      machine_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      payload TEXT NOT NULL,
      actor TEXT NOT NULL,
      role TEXT NOT NULL DEFAULT 'operator',
      state TEXT NOT NULL CHECK (state IN ('queued', 'sent', 'acknowledged', 'failed')),
      outcome TEXT,
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX commands_pending ON commands (state) WHERE state IN ('queued', 'sent');

    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  `,
};
