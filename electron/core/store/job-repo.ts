import type { JobQuery } from '../../../shared/api/views';
import { JobQuerySchema } from '../../../shared/api/views';
import type { Attempt, JobState } from '../domain/job-state';
import type { Db } from './database';
import { countOf, jobSql, pageIds } from './job-query';

export interface JobRow {
  source: string;
  machine_id: string;
  job_key: string;
  job_id: string | null;
  correlation_id: string | null;
  batch_id: string | null;
  workflow_instance_id: string | null;
  status: string;
  error_code: string | null;
  document_produced: number | null;
  destructive_operation_executed: number | null;
  source_job_instance_id: string | null;
  last_message_type: string;
  state_since: string;
  updated_at: string;
  attempts: string | null;
  grouped: number;
}

/** A job as the queue lists it: whether it is listed under the known job whose error cancelled it. */
export type ListedJob = JobState & { cancelledCount?: number; grouped?: boolean; firstSeen?: number };

const optional = <T>(value: T | null): T | undefined => (value === null ? undefined : value);
const flag = (value: number | null): boolean | undefined => (value === null ? undefined : value === 1);
const toFlag = (value: boolean | undefined): number | null => (value === undefined ? null : value ? 1 : 0);

export function fromRow(row: JobRow): JobState {
  const job: JobState = {
    source: row.source,
    machineId: row.machine_id,
    key: row.job_key,
    status: row.status,
    lastMessageType: row.last_message_type,
    stateSince: row.state_since,
    updatedAt: row.updated_at,
  };
  const extra: Record<string, unknown> = {
    jobId: optional(row.job_id),
    correlationId: optional(row.correlation_id),
    batchId: optional(row.batch_id),
    workflowInstanceId: optional(row.workflow_instance_id),
    errorCode: optional(row.error_code),
    documentProduced: flag(row.document_produced),
    destructiveOperationExecuted: flag(row.destructive_operation_executed),
    sourceJobInstanceId: optional(row.source_job_instance_id),
    attempts: row.attempts === null ? undefined : (JSON.parse(row.attempts) as Attempt[]),
  };
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) (job as unknown as Record<string, unknown>)[k] = v;
  return job;
}

type ListedRow = JobRow & { cancelled_count: number; first_seen: number };

/** A row as the queue lists it: how many jobs its error cancelled, and whether it is listed under its cancelling job. */
function listed(r: ListedRow): ListedJob {
  return {
    ...fromRow(r),
    firstSeen: r.first_seen,
    ...(r.cancelled_count > 0 ? { cancelledCount: r.cancelled_count } : {}),
    ...(r.status === 'Cancelled' && r.source_job_instance_id !== null ? { grouped: r.grouped === 1 } : {}),
  };
}

/** How many jobs a row's critical error cancelled (the jobs_source_job index finds them). */
const CANCELLED_COUNT = `(SELECT count(*) FROM jobs c WHERE c.machine_id = jobs.machine_id
  AND c.source_job_instance_id IN (jobs.workflow_instance_id, jobs.job_id)) AS cancelled_count`;

/** The job projection's table: read one, write one, and the paged, filtered queries the queue view asks for. */
export class JobRepo {
  private readonly getStmt;
  private readonly upsertStmt;
  private readonly pageStmt;
  private readonly adoptStmt;
  private readonly listedStmt;

  constructor(private readonly db: Db) {
    this.getStmt = db.prepare<[string, string], JobRow>('SELECT * FROM jobs WHERE machine_id = ? AND job_key = ?');
    // A cancelled job is grouped under the job whose error cancelled it only when that job is known here.
    this.upsertStmt = db.prepare(`
      INSERT INTO jobs (source, machine_id, job_key, job_id, correlation_id, batch_id, workflow_instance_id, status, error_code,
        document_produced, destructive_operation_executed, source_job_instance_id, last_message_type, state_since,
        updated_at, last_seq, attempts, grouped)
      VALUES (@source, @machineId, @key, @jobId, @correlationId, @batchId, @workflowInstanceId, @status, @errorCode,
        @documentProduced, @destructive, @sourceJobInstanceId, @lastMessageType, @stateSince, @updatedAt, @seq, @attempts,
        CASE WHEN @status = 'Cancelled' AND @sourceJobInstanceId IS NOT NULL AND EXISTS (SELECT 1 FROM jobs s
          WHERE s.machine_id = @machineId AND s.job_key <> @key
            AND (s.workflow_instance_id = @sourceJobInstanceId OR s.job_key = @sourceJobInstanceId))
        THEN 1 ELSE 0 END)
      ON CONFLICT (machine_id, job_key) DO UPDATE SET
        source = excluded.source, job_id = excluded.job_id, correlation_id = excluded.correlation_id, batch_id = excluded.batch_id,
        workflow_instance_id = excluded.workflow_instance_id, status = excluded.status, error_code = excluded.error_code,
        document_produced = excluded.document_produced,
        destructive_operation_executed = excluded.destructive_operation_executed,
        source_job_instance_id = excluded.source_job_instance_id, last_message_type = excluded.last_message_type,
        state_since = excluded.state_since, updated_at = excluded.updated_at, last_seq = excluded.last_seq,
        attempts = excluded.attempts, grouped = excluded.grouped`);
    // The index is named: left alone, SQLite plans this on the queue's `grouped` index and walks every listed job
    // for each new one (a million rows per message at a million jobs).
    this.adoptStmt = db.prepare<Record<string, unknown>, JobRow>(`
      UPDATE jobs INDEXED BY jobs_source_job SET grouped = 1
      WHERE machine_id = @machineId AND source_job_instance_id IN (@workflowInstanceId, @key) AND status = 'Cancelled' AND grouped = 0
        AND job_key <> @key
      RETURNING *`);
    this.pageStmt = db.prepare<[string], ListedRow>(`
      SELECT jobs.*, jobs.rowid AS first_seen, ${CANCELLED_COUNT} FROM json_each(?) AS page CROSS JOIN jobs ON jobs.rowid = page.value ORDER BY page.key`);
    this.listedStmt = db.prepare<[string], ListedRow>(`
      SELECT jobs.*, jobs.rowid AS first_seen, ${CANCELLED_COUNT} FROM jobs
      WHERE (machine_id, job_key) IN (SELECT value ->> 0, value ->> 1 FROM json_each(?))`);
  }

  get(machineId: string, key: string): JobState | undefined {
    const row = this.getStmt.get(machineId, key);
    return row ? fromRow(row) : undefined;
  }

  byWorkflowInstance(machineId: string, workflowInstanceId: string): JobState | undefined {
    const row = this.db
      .prepare<[string, string], JobRow>('SELECT * FROM jobs WHERE machine_id = ? AND workflow_instance_id = ? ORDER BY last_seq DESC LIMIT 1')
      .get(machineId, workflowInstanceId);
    return row ? fromRow(row) : undefined;
  }

  put(job: JobState, seq: number): void {
    this.upsertStmt.run({
      source: job.source,
      machineId: job.machineId,
      key: job.key,
      jobId: job.jobId ?? null,
      correlationId: job.correlationId ?? null,
      batchId: job.batchId ?? null,
      workflowInstanceId: job.workflowInstanceId ?? null,
      status: job.status,
      errorCode: job.errorCode ?? null,
      documentProduced: toFlag(job.documentProduced),
      destructive: toFlag(job.destructiveOperationExecuted),
      sourceJobInstanceId: job.sourceJobInstanceId ?? null,
      lastMessageType: job.lastMessageType,
      stateSince: job.stateSince,
      updatedAt: job.updatedAt,
      seq,
      attempts: job.attempts ? JSON.stringify(job.attempts) : null,
    });
  }

  /**
   * A job now known by this instance or key takes the cancelled jobs its error cancelled under it (their messages may
   * have come first). Returns the jobs it took (they leave the queue's own rows).
   */
  adoptCancelled(job: Pick<JobState, 'machineId' | 'key' | 'workflowInstanceId'>): JobState[] {
    return this.adoptStmt.all({ machineId: job.machineId, key: job.key, workflowInstanceId: job.workflowInstanceId ?? null }).map(fromRow);
  }

  /** These jobs as the queue lists them (what a page would show of each): how a change is told to the UI. */
  listed(jobs: readonly Pick<JobState, 'machineId' | 'key'>[]): ListedJob[] {
    if (jobs.length === 0) return [];
    return this.listedStmt.all(JSON.stringify(jobs.map((j) => [j.machineId, j.key]))).map(listed);
  }

  /**
   * Jobs AIDA cancelled because of the given job's critical error (SourceJobInstanceId names it). The index is named:
   * left alone, SQLite walks the machine's whole queue in order rather than sort the handful found.
   */
  cancelledBy(machineId: string, job: JobState): JobState[] {
    const ids = [job.workflowInstanceId, job.jobId].filter((x): x is string => x !== undefined);
    if (ids.length === 0) return [];
    return this.db
      .prepare<unknown[], JobRow>(
        `SELECT * FROM jobs INDEXED BY jobs_source_job
         WHERE machine_id = ? AND source_job_instance_id IN (${ids.map(() => '?').join(',')}) ORDER BY last_seq`,
      )
      .all(machineId, ...ids)
      .map(fromRow);
  }

  /** The job whose critical error cancelled this one, when this console knows it. */
  sourceOf(job: Pick<JobState, 'machineId' | 'sourceJobInstanceId'>): JobState | undefined {
    if (job.sourceJobInstanceId === undefined) return undefined;
    const row = this.db
      .prepare<[string, string, string], JobRow>('SELECT * FROM jobs WHERE machine_id = ? AND (workflow_instance_id = ? OR job_key = ?) LIMIT 1')
      .get(job.machineId, job.sourceJobInstanceId, job.sourceJobInstanceId);
    return row ? fromRow(row) : undefined;
  }

  /** How many jobs the query matches, whatever its page: the queue's scroll height (a search's stops at JOB_COUNT_CAP). */
  count(input: JobQuery): number {
    return countOf(this.db, jobSql(this.db, JobQuerySchema.parse(input))).total;
  }

  /**
   * One page of the queue (see jobSql for its order). The page is found in two steps: its row ids first, by a query
   * that reads only indexed columns where it can (so a deep offset scans an index, not the table), then those rows
   * whole. One read transaction: the count and the page agree.
   */
  query(input: JobQuery): { rows: ListedJob[]; total: number; capped: boolean; offset: number } {
    const q = JobQuerySchema.parse(input);
    return this.db.transaction(() => {
      const sql = jobSql(this.db, q);
      const { total, capped } = countOf(this.db, sql);
      const ids = pageIds(this.db, sql, { limit: q.limit, offset: q.offset, total });
      const rows = ids.length === 0 ? [] : this.pageStmt.all(JSON.stringify(ids));
      return { rows: rows.map(listed), total, capped, offset: q.offset };
    })();
  }

  /**
   * Empties the queue and its search index (a rebuild of the projections). Row by row through the search index's delete
   * trigger that took a minute at 1M jobs; without it SQLite empties the table at once, and the index is emptied whole.
   * The trigger is made again from its own SQL, in the same transaction.
   */
  clear(): void {
    const trigger = this.db.prepare<[], string>("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'jobs_search_delete'").pluck().get();
    this.db.transaction(() => {
      this.db.exec('DROP TRIGGER IF EXISTS jobs_search_delete');
      this.db.exec('DELETE FROM jobs');
      this.db.exec("INSERT INTO jobs_search (jobs_search) VALUES ('delete-all')");
      if (trigger) this.db.exec(trigger);
    })();
  }
}
