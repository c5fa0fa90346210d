import type { Outcome, ReviewKind, ReviewPayload } from '../../../shared/api/reviews';
import type { StoredText } from '../../../shared/i18n/stored-text';
import type { Db } from './database';

export interface ReviewRow {
  id: number;
  machine_id: string;
  workflow_instance_id: string;
  job_key: string | null;
  kind: ReviewKind;
  opened_seq: number;
  opened_at: string;
  payload: string;
  state: 'pending' | 'decided' | 'closed';
  decision: Outcome | null;
  decided_by: string | null;
  decided_at: string | null;
  reason: string | null;
  closed_at: string | null;
  closed_reason: string | null;
  /** The closing reason's catalog code and parameters (JSON), since migration 16. */
  closed_code: string | null;
  closed_params: string | null;
  restored_at: string | null;
}

export interface Review extends Omit<ReviewRow, 'payload'> {
  payload: ReviewPayload;
}

const instanceKey = (machineId: string, workflowInstanceId: string) => `${machineId}\u0000${workflowInstanceId}`;

const fromRow = (row: ReviewRow): Review => ({ ...row, payload: JSON.parse(row.payload) as ReviewPayload });

/** The reviews projection: opened by webhooks, closed when the machine moves on, decided by people. */
export class ReviewRepo {
  private readonly openOfInstanceBefore;
  /**
   * Instances that may have an open review (a superset: a rolled-back batch can leave one here). Every message of an
   * instance asks whether it closes a review; almost none does, and this set answers that without a query.
   */
  private readonly maybeOpen = new Set<string>();

  constructor(private readonly db: Db) {
    this.openOfInstanceBefore = db.prepare<[string, string, number], { id: number }>(
      `SELECT id FROM reviews WHERE machine_id = ? AND workflow_instance_id = ? AND state != 'closed' AND opened_seq < ?`,
    );
    const open = db.prepare<[], { machine_id: string; workflow_instance_id: string }>(
      `SELECT machine_id, workflow_instance_id FROM reviews WHERE state != 'closed'`,
    );
    for (const r of open.all()) this.maybeOpen.add(instanceKey(r.machine_id, r.workflow_instance_id));
  }

  open(input: {
    machineId: string;
    workflowInstanceId: string;
    jobKey: string | undefined;
    kind: ReviewKind;
    seq: number;
    at: string;
    payload: ReviewPayload;
  }): number | undefined {
    // A rebuild replays the events that opened reviews already here: those keep their decisions.
    const info = this.db
      .prepare(
        `INSERT INTO reviews (machine_id, workflow_instance_id, job_key, kind, opened_seq, opened_at, payload, state)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'pending') ON CONFLICT (opened_seq) DO NOTHING`,
      )
      .run(input.machineId, input.workflowInstanceId, input.jobKey ?? null, input.kind, input.seq, input.at, JSON.stringify(input.payload));
    this.maybeOpen.add(instanceKey(input.machineId, input.workflowInstanceId));
    return info.changes === 1 ? Number(info.lastInsertRowid) : undefined;
  }

  /** Closes the open reviews of an instance that a newer message shows the machine has moved past. */
  closeMovedOn(machineId: string, workflowInstanceId: string, seq: number, at: string, reason: StoredText): number[] {
    const key = instanceKey(machineId, workflowInstanceId);
    if (!this.maybeOpen.has(key)) return [];
    this.maybeOpen.delete(key);
    const ids = this.openOfInstanceBefore.all(machineId, workflowInstanceId, seq).map((r) => r.id);
    for (const id of ids) this.close(id, at, reason);
    return ids;
  }

  close(id: number, at: string, reason: StoredText): void {
    const { code, params } = reason.coded ?? {};
    this.db
      .prepare(`UPDATE reviews SET state = 'closed', closed_at = ?, closed_reason = ?, closed_code = ?, closed_params = ? WHERE id = ? AND state != 'closed'`)
      .run(at, reason.text, code ?? null, params ? JSON.stringify(params) : null, id);
  }

  decide(id: number, decision: Outcome, by: string, at: string, reason: string | undefined): boolean {
    return (
      this.db
        .prepare(`UPDATE reviews SET state = 'decided', decision = ?, decided_by = ?, decided_at = ?, reason = ? WHERE id = ? AND state = 'pending'`)
        .run(decision, by, at, reason ?? null, id).changes === 1
    );
  }

  /** After a restore: every open review waits for the machine to say where its job is (restore-marks in the README). */
  markRestored(at: string): number {
    return this.db.prepare(`UPDATE reviews SET restored_at = ? WHERE state != 'closed'`).run(at).changes;
  }

  /** The machine's list of suspended jobs shows this review's job still waiting: it may be acted on again. */
  clearRestored(id: number): void {
    this.db.prepare('UPDATE reviews SET restored_at = NULL WHERE id = ?').run(id);
  }

  get(id: number): Review | undefined {
    const row = this.db.prepare<[number], ReviewRow>('SELECT * FROM reviews WHERE id = ?').get(id);
    return row ? fromRow(row) : undefined;
  }

  /** Pending and decided-but-unanswered reviews, oldest first: the review queue. */
  unanswered(): Review[] {
    return this.db
      .prepare<[], ReviewRow>(`SELECT * FROM reviews WHERE state != 'closed' ORDER BY id`)
      .all()
      .map(fromRow);
  }

  /** Finished reviews, newest first, those older than review `before` when given (over the index reviews_state). */
  recentClosed(limit: number, before?: number): Review[] {
    const rows =
      before === undefined
        ? this.db.prepare<[number], ReviewRow>(`SELECT * FROM reviews WHERE state = 'closed' ORDER BY id DESC LIMIT ?`).all(limit)
        : this.db
            .prepare<[number, number], ReviewRow>(`SELECT * FROM reviews WHERE state = 'closed' AND id < ? ORDER BY id DESC LIMIT ?`)
            .all(before, limit);
    return rows.map(fromRow);
  }

  closedCount(): number {
    return this.db.prepare<[], number>(`SELECT count(*) FROM reviews WHERE state = 'closed'`).pluck().get() ?? 0;
  }

  /**
   * A page of a read's inspections, cut from the stored message by SQLite: the rest of a message with tens of
   * thousands is never turned into objects. Undefined when there is no such review.
   */
  inspections(id: number, offset: number, limit: number): { rows: unknown[]; total: number } | undefined {
    const total = this.db
      .prepare<[number], { n: number | null }>(`SELECT json_array_length(payload, '$.inspections') AS n FROM reviews WHERE id = ?`)
      .get(id);
    if (!total) return undefined;
    const rows = this.db
      .prepare<[number, number, number], { value: string }>(
        `SELECT i.value FROM reviews r, json_each(r.payload, '$.inspections') i WHERE r.id = ? ORDER BY i.key LIMIT ? OFFSET ?`,
      )
      .all(id, limit, offset)
      .map((r) => JSON.parse(r.value) as unknown);
    return { rows, total: total.n ?? 0 };
  }

  openForInstance(machineId: string, workflowInstanceId: string): Review[] {
    return this.db
      .prepare<[string, string], ReviewRow>(`SELECT * FROM reviews WHERE machine_id = ? AND workflow_instance_id = ? AND state != 'closed'`)
      .all(machineId, workflowInstanceId)
      .map(fromRow);
  }
}
