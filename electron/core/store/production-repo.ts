import type { Db } from './database';
import { REPRINT_SQL } from './migrations/0014-production';

/** How a range's jobs are grouped: by a column, or into time buckets (shift instances, hours) passed in. */
export type CountGrouping = { by: 'machine' | 'batch' | 'template' } | { by: 'buckets'; buckets: readonly TimeBucket[] };

export interface TimeBucket {
  key: string;
  from: string;
  to: string;
}

export interface RangeFilter {
  from: string;
  to: string;
  machineId?: string | undefined;
}

/** One group's counts as SQL returns them (sums over the group's jobs, cards counted per attempt). */
export interface CountRow {
  key: string;
  started: number;
  completed: number;
  faulted: number;
  rejected: number;
  cancelled: number;
  unfinished: number;
  destroyed: number;
  producedButFaulted: number;
  producedAndDestroyed: number;
  notReported: number;
  attempts: number;
  retriedJobs: number;
}

export interface KeyedCount {
  key: string;
  cause: string;
  count: number;
}

const FAILED = `('Faulted', 'Rejected', 'Cancelled')`;
const TERMINAL = `('Completed', 'Faulted', 'Rejected', 'Cancelled')`;

/**
 * A card fact counted per attempt: a job re-run under a new workflow instance may have lost a card in an earlier
 * attempt and completed in the last. `attempts` holds each attempt's status and flags (domain/job-state.ts).
 */
const perAttempt = (jobCondition: string, attemptCondition: string) =>
  `sum(CASE WHEN attempts IS NULL THEN (${jobCondition}) ELSE
    (SELECT count(*) FROM json_each(attempts) a WHERE ${attemptCondition}) END)`;
const A_FAILED = `a.value ->> '$.status' IN ${FAILED}`;
const A_DESTROYED = `a.value ->> '$.destructiveOperationExecuted' = 1`;
const A_PRODUCED = `a.value ->> '$.documentProduced' = 1`;

const COUNTS = `
  count(*) AS started,
  sum(status = 'Completed') AS completed,
  sum(status = 'Faulted') AS faulted,
  sum(status = 'Rejected') AS rejected,
  sum(status = 'Cancelled') AS cancelled,
  sum(status NOT IN ${TERMINAL}) AS unfinished,
  ${perAttempt(`status IN ${FAILED} AND destructive_operation_executed = 1`, `${A_FAILED} AND ${A_DESTROYED}`)} AS destroyed,
  ${perAttempt(`status IN ${FAILED} AND document_produced = 1`, `${A_FAILED} AND ${A_PRODUCED}`)} AS producedButFaulted,
  ${perAttempt(
    `status IN ${FAILED} AND document_produced = 1 AND destructive_operation_executed = 1`,
    `${A_FAILED} AND ${A_PRODUCED} AND ${A_DESTROYED}`,
  )} AS producedAndDestroyed,
  ${perAttempt(`status IN ${FAILED} AND destructive_operation_executed IS NULL`, `${A_FAILED} AND a.value ->> '$.destructiveOperationExecuted' IS NULL`)} AS notReported,
  sum(coalesce(json_array_length(attempts), 1)) AS attempts,
  sum(json_array_length(attempts) > 1) AS retriedJobs`;

/**
 * The job template each job ran under, as far as the console knows: the template of the last Start the console sent
 * (and the machine acknowledged) before the job started, until the next one. A machine started from its own panel
 * is not known: its jobs fall under the previous Start's template, or '' before any.
 */
const TEMPLATE_JOIN = `LEFT JOIN (
    SELECT machine_id, created_at AS since, lead(created_at) OVER (PARTITION BY machine_id ORDER BY created_at) AS until,
      coalesce(payload ->> '$.jobTemplateName', '') AS template
    FROM commands WHERE kind = 'start' AND state = 'acknowledged') s
  ON s.machine_id = jobs.machine_id AND jobs.started_at >= s.since AND (s.until IS NULL OR jobs.started_at < s.until)`;

/** One machine's jobs are read on jobs_machine_started; all machines' on jobs_started. */
const machineOf = (range: RangeFilter) => (range.machineId === undefined ? '' : 'AND jobs.machine_id = @machineId');

interface Shape {
  key: string;
  from: string;
  join: string;
  where: string;
}

function shapeOf(grouping: CountGrouping, filter: RangeFilter): Shape {
  const MACHINE = machineOf(filter);
  const range = `jobs.started_at >= @from AND jobs.started_at < @to ${MACHINE}`;
  switch (grouping.by) {
    case 'machine':
      return { key: 'jobs.machine_id', from: 'jobs', join: '', where: range };
    case 'batch':
      return { key: `coalesce(jobs.batch_id, '')`, from: 'jobs', join: '', where: range };
    case 'template':
      return { key: `coalesce(s.template, '')`, from: 'jobs', join: TEMPLATE_JOIN, where: range };
    case 'buckets':
      // Each bucket is its own range scan of the start index; the range's own bounds clip the first and last.
      return {
        key: `b.value ->> '$.key'`,
        from: 'json_each(@buckets) b CROSS JOIN jobs',
        join: '',
        where: `jobs.started_at >= max(b.value ->> '$.from', @from) AND jobs.started_at < min(b.value ->> '$.to', @to) ${MACHINE}`,
      };
  }
}

/**
 * Production figures over the job projection and the log (issue 15): every count is one grouped query over the jobs
 * that first started in the range (jobs_started / jobs_machine_started), never a scan of the log.
 */
export class ProductionRepo {
  private readonly statements = new Map<string, ReturnType<Db['prepare']>>();

  constructor(private readonly db: Db) {}

  private prepared(sql: string): ReturnType<Db['prepare']> {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  private params(range: RangeFilter, grouping?: CountGrouping): Record<string, unknown> {
    return {
      from: range.from,
      to: range.to,
      ...(range.machineId !== undefined ? { machineId: range.machineId } : {}),
      ...(grouping?.by === 'buckets' ? { buckets: JSON.stringify(grouping.buckets) } : {}),
    };
  }

  /** The SQL a grouping runs, for EXPLAIN QUERY PLAN in the tests. */
  countSql(grouping: CountGrouping, range: RangeFilter): string {
    const s = shapeOf(grouping, range);
    return `SELECT ${s.key} AS key, ${COUNTS} FROM ${s.from} ${s.join} WHERE ${s.where} GROUP BY 1 ORDER BY 1`;
  }

  counts(range: RangeFilter, grouping: CountGrouping): CountRow[] {
    return this.prepared(this.countSql(grouping, range)).all(this.params(range, grouping)) as CountRow[];
  }

  /** The range's counts, ungrouped. */
  total(range: RangeFilter): CountRow {
    const sql = `SELECT '' AS key, ${COUNTS} FROM jobs WHERE jobs.started_at >= @from AND jobs.started_at < @to ${machineOf(range)}`;
    return this.prepared(sql).get(this.params(range)) as CountRow;
  }

  /** Cancelled jobs by group and cause: another job's critical error, else their own error code, else not reported. */
  cancelCauses(range: RangeFilter, grouping: CountGrouping | undefined): KeyedCount[] {
    const s = grouping ? shapeOf(grouping, range) : undefined;
    const key = s?.key ?? `''`;
    const cause = `CASE WHEN jobs.source_job_instance_id IS NOT NULL THEN 'another-job' ELSE coalesce(jobs.error_code, 'not-reported') END`;
    const where = s?.where ?? `jobs.started_at >= @from AND jobs.started_at < @to ${machineOf(range)}`;
    const sql = `SELECT ${key} AS key, ${cause} AS cause, count(*) AS count FROM ${s?.from ?? 'jobs'} ${s?.join ?? ''}
      WHERE ${where} AND jobs.status = 'Cancelled' GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2`;
    return this.prepared(sql).all(this.params(range, grouping)) as KeyedCount[];
  }

  /** Faulted and rejected jobs by error code, largest first. */
  faultsByErrorCode(range: RangeFilter): { errorCode: string; count: number }[] {
    const sql = `SELECT coalesce(error_code, 'not-reported') AS errorCode, count(*) AS count FROM jobs
      WHERE jobs.started_at >= @from AND jobs.started_at < @to ${machineOf(range)} AND status IN ('Faulted', 'Rejected')
      GROUP BY 1 ORDER BY 2 DESC, 1`;
    return this.prepared(sql).all(this.params(range)) as { errorCode: string; count: number }[];
  }

  /** RapIDadmin's reprint sequences that completed in each bucket (or the whole range under ''). Not per AIDA machine. */
  reprints(range: RangeFilter, buckets?: readonly TimeBucket[]): { key: string; count: number }[] {
    if (range.machineId !== undefined && range.machineId !== 'rapidadmin') return [];
    const sql = buckets
      ? `SELECT b.value ->> '$.key' AS key, count(*) AS count FROM json_each(@buckets) b CROSS JOIN feed_activity
          WHERE ${REPRINT_SQL} AND at >= max(b.value ->> '$.from', @from) AND at < min(b.value ->> '$.to', @to) GROUP BY 1`
      : `SELECT '' AS key, count(*) AS count FROM feed_activity WHERE ${REPRINT_SQL} AND at >= @from AND at < @to`;
    return this.prepared(sql).all({ from: range.from, to: range.to, ...(buckets ? { buckets: JSON.stringify(buckets) } : {}) }) as {
      key: string;
      count: number;
    }[];
  }

  /** The machines with jobs started in the range. */
  machinesWithJobs(range: RangeFilter): string[] {
    const sql = `SELECT DISTINCT machine_id FROM jobs WHERE jobs.started_at >= @from AND jobs.started_at < @to ${machineOf(range)} ORDER BY 1`;
    return (this.prepared(sql).pluck().all(this.params(range)) as string[]);
  }
}
