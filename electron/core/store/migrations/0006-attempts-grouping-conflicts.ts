import type { Migration } from '../migrate';

/** The queue as the operator sees it: a cancelled job is listed under the job whose error cancelled it, when known. */
const SHOWN = 'grouped = 0';

/**
 * Three corrections of the protocol-truth review, each needing a column:
 *
 * - `jobs.grouped`: a job cancelled by another job's critical error was always hidden under that job, even when the
 *   console never saw it (its messages were lost, or SourceJobInstanceId is AIDA's integer JobInstance id). Only a
 *   cancelled job whose source job is known is grouped now; the queue's partial indexes carry the new term.
 * - `jobs.attempts`: a job re-run under a new workflow instance is a new attempt of the same job (JSON, null for one).
 * - `events.conflicts_with`: a message that reuses another's de-duplication key with a different body is kept in the
 *   log, pointing at the event it collides with, and never folded.
 *
 * AIDA's de-duplication key becomes the sending machine's identity as sent (serial, else host, else name) plus the
 * MessageId: MessageIds are unique per machine, not across a line of them. Logged keys are rewritten to match, so a
 * message AIDA is still retrying across the upgrade is still recognised.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'attempts-grouping-conflicts',
  up: `
    ALTER TABLE jobs ADD COLUMN attempts TEXT;
    ALTER TABLE jobs ADD COLUMN grouped INTEGER NOT NULL DEFAULT 0;
    UPDATE jobs SET grouped = 1
      WHERE status = 'Cancelled' AND source_job_instance_id IS NOT NULL
        AND EXISTS (SELECT 1 FROM jobs s WHERE s.machine_id = jobs.machine_id AND s.rowid <> jobs.rowid
          AND (s.workflow_instance_id = jobs.source_job_instance_id OR s.job_key = jobs.source_job_instance_id));

    DROP INDEX IF EXISTS jobs_queue;
    DROP INDEX IF EXISTS jobs_queue_machine;
    DROP INDEX IF EXISTS jobs_queue_status;
    CREATE INDEX jobs_queue ON jobs (last_seq DESC, machine_id, status, batch_id, source, job_id, correlation_id, source_job_instance_id)
      WHERE ${SHOWN};
    CREATE INDEX jobs_queue_machine ON jobs (machine_id, last_seq DESC) WHERE ${SHOWN};
    CREATE INDEX jobs_queue_status ON jobs (status, last_seq DESC) WHERE ${SHOWN};

    ALTER TABLE events ADD COLUMN conflicts_with INTEGER;
    -- The conflict alert reads the newest collision per machine every second: a few rows, never the whole log.
    CREATE INDEX events_conflicts ON events (machine_id, seq) WHERE conflicts_with IS NOT NULL;
    UPDATE events
      SET message_id = coalesce(json_extract(message, '$.machineSerial'), json_extract(message, '$.hostName'),
        json_extract(message, '$.machineName'), '') || char(31) || message_id
      WHERE source = 'aida' AND message_id IS NOT NULL;
  `,
};
