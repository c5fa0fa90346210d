import type { Outcome, ReviewKind, ReviewPayload } from '../../../shared/api/reviews';
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
  closeMovedOn(machineId: string, workflowInstanceId: string, seq: number, at: string, reason: string): number[] {
    const key = instanceKey(machineId, workflowInstanceId);
    if (!this.maybeOpen.has(key)) return [];
    this.maybeOpen.delete(key);
    const ids = this.openOfInstanceBefore.all(machineId, workflowInstanceId, seq).map((r) => r.id);
    for (const id of ids) this.close(id, at, reason);
    return ids;
  }

  close(id: number, at: string, reason: string): void {
    this.db.prepare(`UPDATE reviews SET state = 'closed', closed_at = ?, closed_reason = ? WHERE id = ? AND state != 'closed'`).run(at, reason, id);
  }

  decide(id: number, decision: Outcome, by: string, at: string, reason: string | undefined): boolean {
    return (
      this.db
        .prepare(`UPDATE reviews SET state = 'decided', decision = ?, decided_by = ?, decided_at = ?, reason = ? WHERE id = ? AND state = 'pending'`)
        .run(decision, by, at, reason ?? null, id).changes === 1
    );
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

  recentClosed(limit: number): Review[] {
    return this.db
      .prepare<[number], ReviewRow>(`SELECT * FROM reviews WHERE state = 'closed' ORDER BY id DESC LIMIT ?`)
      .all(limit)
      .map(fromRow);
  }

  openForInstance(machineId: string, workflowInstanceId: string): Review[] {
    return this.db
      .prepare<[string, string], ReviewRow>(`SELECT * FROM reviews WHERE machine_id = ? AND workflow_instance_id = ? AND state != 'closed'`)
      .all(machineId, workflowInstanceId)
      .map(fromRow);
  }
}
