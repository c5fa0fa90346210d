import type { DeliveryView, TimelineEntry } from '../../../shared/api/records';
import type { Db } from './database';
import type { RefusedDeliveries } from './refused-deliveries';

interface DeliveryRow {
  id: number;
  received_at: string;
  source: string;
  remote_addr: string | null;
  headers: string;
  body: Buffer;
  body_length: number;
  outcome: DeliveryView['outcome'];
  http_status: number;
  reason: string | null;
}

const PREVIEW_BYTES = 2048;

function toView(row: DeliveryRow, whole: boolean): DeliveryView {
  return {
    id: row.id,
    receivedAt: row.received_at,
    source: row.source,
    ...(row.remote_addr !== null ? { remoteAddr: row.remote_addr } : {}),
    outcome: row.outcome,
    httpStatus: row.http_status,
    ...(row.reason !== null ? { reason: row.reason } : {}),
    bodyLength: row.body_length,
    bodyKept: row.body.length,
    body: (whole ? row.body : row.body.subarray(0, PREVIEW_BYTES)).toString('utf8'),
    headers: JSON.parse(row.headers) as Record<string, string>,
  };
}

/** Reads of the delivery log and the event log: rejected deliveries, and each job's timeline. */
export class DeliveryRepo {
  constructor(
    private readonly db: Db,
    private readonly refused?: RefusedDeliveries,
  ) {}

  /**
   * A page of deliveries, newest first (from those older than delivery `before`, when given); of refused ones, also
   * how many older ones were pruned. With an outcome, over the index deliveries_outcome (outcome, id).
   */
  list(
    outcome: DeliveryView['outcome'] | undefined,
    offset: number,
    limit: number,
    before?: number,
  ): { rows: DeliveryView[]; total: number; pruned?: number } {
    const clause = outcome ? 'WHERE outcome = @outcome' : '';
    const params = outcome ? { outcome } : {};
    const total = (this.db.prepare(`SELECT count(*) AS n FROM deliveries ${clause}`).get(params) as { n: number }).n;
    const page = before === undefined ? clause : `${clause ? `${clause} AND` : 'WHERE'} id < @before`;
    const rows = this.db
      .prepare<Record<string, unknown>, DeliveryRow>(`SELECT * FROM deliveries ${page} ORDER BY id DESC LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit, offset, ...(before === undefined ? {} : { before }) });
    const pruned = outcome === 'rejected' && this.refused ? { pruned: this.refused.pruned() } : {};
    return { rows: rows.map((r) => toView(r, false)), total, ...pruned };
  }

  get(id: number): DeliveryView | undefined {
    const row = this.db.prepare<[number], DeliveryRow>('SELECT * FROM deliveries WHERE id = ?').get(id);
    return row ? toView(row, true) : undefined;
  }

  rejectedTotal(): number {
    return (this.db.prepare("SELECT count(*) AS n FROM deliveries WHERE outcome = 'rejected'").get() as { n: number }).n;
  }

  /**
   * Every logged message of a job (by job id or workflow instance), oldest first, with the body as it arrived. Each
   * half of the union is written as migration 4's expression indexes are, so it is a lookup, not a scan of the log.
   */
  timeline(machineId: string, jobId: string | undefined, workflowInstanceId: string | undefined): TimelineEntry[] {
    const rows = this.db
      .prepare<
        { machineId: string; jobId: string | null; wf: string | null },
        { seq: number; message_type: string; received_at: string; message: string; body: Buffer | null }
      >(
        `SELECT e.seq, e.message_type, e.received_at, e.message, d.body
         FROM events e LEFT JOIN deliveries d ON d.id = e.delivery_id
         WHERE e.seq IN (
           SELECT seq FROM events WHERE source = 'aida' AND machine_id = @machineId AND json_extract(message, '$.jobId') = @jobId
           UNION
           SELECT seq FROM events WHERE source = 'aida' AND machine_id = @machineId
             AND json_extract(message, '$.workflowInstanceId') = @wf)
         ORDER BY e.seq`,
      )
      .all({ machineId, jobId: jobId ?? null, wf: workflowInstanceId ?? null });
    return rows.map((r) => ({
      seq: r.seq,
      type: r.message_type,
      receivedAt: r.received_at,
      message: JSON.parse(r.message) as unknown,
      ...(r.body && r.body.length > 0 ? { raw: r.body.toString('utf8') } : {}),
    }));
  }
}
