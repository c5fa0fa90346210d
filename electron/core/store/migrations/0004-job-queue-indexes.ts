import type { Migration } from '../migrate';

/** The queue as the operator sees it: jobs cancelled by another job's critical error are listed under that job. */
const SHOWN = "NOT (status = 'Cancelled' AND source_job_instance_id IS NOT NULL)";

/**
 * Indexes for the job queue's paged reads at 100,000 jobs (scripts/bench-queue.mjs measures them).
 *
 * The partial indexes carry the queue's grouping term as their WHERE, so a query that groups cancelled jobs skips
 * its offset and counts inside the index, never visiting the table. `jobs_queue` holds every column a filter or the
 * search reads: with it the page's row ids and the count of a search come from one narrow scan. The others serve
 * the equality filters the view offers (machine, status, both, batch).
 *
 * A job's timeline is found by the ids inside each logged message; without these expression indexes every detail
 * opened read the whole event log.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'job-queue-indexes',
  up: `
    CREATE INDEX jobs_queue ON jobs (last_seq DESC, machine_id, status, batch_id, source, job_id, correlation_id, source_job_instance_id)
      WHERE ${SHOWN};
    CREATE INDEX jobs_queue_machine ON jobs (machine_id, last_seq DESC) WHERE ${SHOWN};
    CREATE INDEX jobs_queue_machine_status ON jobs (machine_id, status, last_seq DESC) WHERE ${SHOWN};
    CREATE INDEX jobs_queue_status ON jobs (status, last_seq DESC) WHERE ${SHOWN};
    CREATE INDEX jobs_queue_batch ON jobs (batch_id, last_seq DESC) WHERE ${SHOWN};

    CREATE INDEX events_job_id ON events (machine_id, json_extract(message, '$.jobId')) WHERE source = 'aida';
    CREATE INDEX events_workflow_instance ON events (machine_id, json_extract(message, '$.workflowInstanceId')) WHERE source = 'aida';
  `,
};
