import type { Migration } from '../migrate';

/**
 * Every job upsert (one per job message) updates every index of the jobs table. Migration 4's partial indexes serve
 * the queue's machine and status filters, so the two older full indexes on the same keys only cost ingest time.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'lean-job-indexes',
  up: `
    DROP INDEX IF EXISTS jobs_machine_recent;
    DROP INDEX IF EXISTS jobs_status_recent;
  `,
};
