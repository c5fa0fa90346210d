import type { Migration } from '../migrate';

/** The scheduler messages the downtime report reads (the suspensions, stops and starts of each machine). */
export const SCHEDULER_TYPES_SQL = `('WorkflowSchedulerStarted', 'WorkflowSchedulerStopping', 'WorkflowSchedulerStopped', 'WorkflowSchedulerSuspended', 'FeederEmpty')`;

/** RapIDadmin's reprint sequences, as the activity feed recognised them (domain/rapidadmin/sequence.ts). */
export const REPRINT_SQL = `source = 'rapidadmin' AND entry ->> '$.sequence' IN ('Reprint', 'Smart card reprint')`;

/**
 * Production reports (issue 15). A job is counted in the shift it first started in: `started_at` is the time its
 * first message was received (kept at the earliest when messages arrive out of order, by triggers), backfilled from
 * the log: the earliest message naming the job, else the time its status last changed (`+jobs.job_key` has no
 * affinity, so the comparison can use the log's events_job_id index). Indexes serve the report's ranges: jobs by
 * start (with `last_seq`, for the late messages of a frozen report), per machine; the scheduler messages per machine
 * and time; the commands that moved a machine again; RapIDadmin's reprints.
 *
 * `shift_reports` holds each shift's report frozen as made: figures as JSON, apart from the live tables, so neither
 * retention nor archiving (which know only their own tables) ever changes a past report. Triggers keep it so: the
 * figures never change, nothing changes once signed off, and no report is deleted.
 */
export const migration0014: Migration = {
  version: 14,
  name: 'production',
  up: `
    ALTER TABLE jobs ADD COLUMN started_at TEXT;
    UPDATE jobs SET started_at = coalesce(
      CASE WHEN source = 'aida' AND job_key NOT LIKE 'wf:%' THEN (SELECT min(e.received_at) FROM events e
        WHERE e.source = 'aida' AND e.machine_id = jobs.machine_id AND json_extract(e.message, '$.jobId') = +jobs.job_key) END,
      CASE WHEN source = 'aida' AND job_key LIKE 'wf:%' THEN (SELECT min(e.received_at) FROM events e
        WHERE e.source = 'aida' AND e.machine_id = jobs.machine_id
          AND json_extract(e.message, '$.workflowInstanceId') = substr(jobs.job_key, 4)) END,
      state_since);
    -- Kept by triggers, so the job projection's own SQL (and every schema it runs on) stays as it was: a new job
    -- starts when its first message was received; a message received earlier, folded later, moves the start back.
    CREATE TRIGGER jobs_started_insert AFTER INSERT ON jobs WHEN new.started_at IS NULL BEGIN
      UPDATE jobs SET started_at = new.updated_at WHERE rowid = new.rowid;
    END;
    CREATE TRIGGER jobs_started_earlier AFTER UPDATE OF updated_at ON jobs WHEN new.updated_at < new.started_at BEGIN
      UPDATE jobs SET started_at = new.updated_at WHERE rowid = new.rowid;
    END;
    CREATE INDEX jobs_started ON jobs (started_at, last_seq);
    CREATE INDEX jobs_machine_started ON jobs (machine_id, started_at);

    CREATE INDEX events_scheduler ON events (machine_id, received_at)
      WHERE source = 'aida' AND message_type IN ${SCHEDULER_TYPES_SQL};
    CREATE INDEX commands_kind_machine ON commands (kind, machine_id, created_at);
    CREATE INDEX feed_activity_reprints ON feed_activity (at) WHERE ${REPRINT_SQL};

    CREATE TABLE shift_reports (
      id INTEGER PRIMARY KEY,
      shift_name TEXT NOT NULL,
      shift_day TEXT NOT NULL,
      from_at TEXT NOT NULL,
      to_at TEXT NOT NULL,
      time_zone TEXT NOT NULL,
      made_at TEXT NOT NULL,
      made_seq INTEGER NOT NULL,
      figures TEXT NOT NULL,
      note_text TEXT,
      note_by TEXT,
      note_at TEXT,
      signed_by TEXT,
      signed_at TEXT,
      UNIQUE (shift_name, from_at)
    );
    CREATE TRIGGER shift_reports_figures_frozen BEFORE UPDATE OF shift_name, shift_day, from_at, to_at, time_zone, made_at,
      made_seq, figures ON shift_reports
    BEGIN SELECT RAISE(ABORT, 'a shift report''s figures are frozen'); END;
    CREATE TRIGGER shift_reports_signed_frozen BEFORE UPDATE ON shift_reports WHEN OLD.signed_at IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'a signed-off shift report is frozen'); END;
    CREATE TRIGGER shift_reports_kept BEFORE DELETE ON shift_reports
    BEGIN SELECT RAISE(ABORT, 'shift reports are kept'); END;
  `,
};
