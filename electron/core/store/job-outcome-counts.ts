import type { Db } from './database';

/**
 * The console's own count of jobs that ended on one machine over a time range, by the messages it received
 * (WorkflowCompleted, WorkflowFaulted): what the machine's personalization sessions are compared with. Counted by
 * the time each message was received, the only time the console knows for certain (index events_job_outcomes).
 */
export class JobOutcomeCounts {
  private readonly stmt;

  constructor(db: Db) {
    this.stmt = db.prepare<[string, string, string], { message_type: string; n: number }>(
      `SELECT message_type, count(*) AS n FROM events
       WHERE source = 'aida' AND machine_id = ? AND message_type IN ('WorkflowCompleted', 'WorkflowFaulted')
         AND received_at >= ? AND received_at <= ?
       GROUP BY message_type`,
    );
  }

  /** Completed and faulted jobs whose message arrived from `from` to `to` (ISO instants, both included). */
  between(machineId: string, from: string, to: string): { completed: number; faulted: number } {
    const rows = this.stmt.all(machineId, from, to);
    const of = (type: string) => rows.find((r) => r.message_type === type)?.n ?? 0;
    return { completed: of('WorkflowCompleted'), faulted: of('WorkflowFaulted') };
  }
}
