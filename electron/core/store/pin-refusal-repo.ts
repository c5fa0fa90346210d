import type { PinRefusalView } from '../../../shared/api/records';
import type { Db } from './database';

interface RefusalRow {
  id: number;
  at: string;
  actor: string;
  action: PinRefusalView['action'];
  machine_id: string | null;
  review_id: number | null;
  outcome: string | null;
  reason: PinRefusalView['reason'];
  wait_ms: number;
  waited: number;
  last_at: string;
}

export type NewPinRefusal = Omit<PinRefusalView, 'id' | 'waited' | 'lastAt'>;

/** The newest refusals kept: at most one row per wait (1 s at least), so weeks of guessing, a few megabytes. */
export const PIN_REFUSALS_KEPT = 10_000;

/** Refused supervisor PINs, for the audit trail (migration 7). */
export class PinRefusalRepo {
  constructor(
    private readonly db: Db,
    private readonly kept = PIN_REFUSALS_KEPT,
  ) {}

  /** Records a refusal and returns its id; the oldest rows beyond the cap are dropped. */
  record(r: NewPinRefusal): number {
    const id = Number(
      this.db
        .prepare(
          `INSERT INTO pin_refusals (at, actor, action, machine_id, review_id, outcome, reason, wait_ms, last_at)
           VALUES (@at, @actor, @action, @machineId, @reviewId, @outcome, @reason, @waitMs, @at)`,
        )
        .run({ machineId: null, reviewId: null, outcome: null, ...r }).lastInsertRowid,
    );
    this.db.prepare('DELETE FROM pin_refusals WHERE id <= ?').run(id - this.kept);
    return id;
  }

  /** One more attempt refused unchecked during the wait that followed refusal `id`. */
  countWaited(id: number, at: string): void {
    this.db.prepare('UPDATE pin_refusals SET waited = waited + 1, last_at = ? WHERE id = ?').run(at, id);
  }

  /** Newest first, from those older than refusal `before` when given. */
  recent(limit: number, offset = 0, before = Number.MAX_SAFE_INTEGER): { rows: PinRefusalView[]; total: number } {
    const total = this.db.prepare<[], number>('SELECT count(*) FROM pin_refusals').pluck().get() ?? 0;
    const rows = this.db
      .prepare<[number, number, number], RefusalRow>('SELECT * FROM pin_refusals WHERE id < ? ORDER BY id DESC LIMIT ? OFFSET ?')
      .all(before, limit, offset);
    return { rows: rows.map(toView), total };
  }
}

function toView(row: RefusalRow): PinRefusalView {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    ...(row.machine_id !== null ? { machineId: row.machine_id } : {}),
    ...(row.review_id !== null ? { reviewId: row.review_id } : {}),
    ...(row.outcome !== null ? { outcome: row.outcome } : {}),
    reason: row.reason,
    waitMs: row.wait_ms,
    waited: row.waited,
    lastAt: row.last_at,
  };
}
