import type { Migration } from '../migrate';

/**
 * Every job upsert (one per job message) updates every index of the jobs table, on the path that acknowledges
 * webhooks. Migration 4's partial indexes serve the queue (which always groups cancelled jobs): the older full
 * indexes on the same keys only cost ingest time, and the machine+status and batch filters are served well enough by
 * the machine index and the wide queue index (scripts/bench-queue.mjs).
 */
export const migration0005: Migration = {
  version: 5,
  name: 'lean-job-indexes',
  up: `
    DROP INDEX IF EXISTS jobs_recent;
    DROP INDEX IF EXISTS jobs_machine_recent;
    DROP INDEX IF EXISTS jobs_status_recent;
    DROP INDEX IF EXISTS jobs_queue_machine_status;
    DROP INDEX IF EXISTS jobs_queue_batch;
  `,
};
