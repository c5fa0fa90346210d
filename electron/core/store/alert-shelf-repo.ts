import type { Db } from './database';

export interface ShelfRow {
  id: number;
  alert_id: number;
  shelved_at: string;
  until: string;
  reason: string;
  actor: string;
  account_id: number | null;
  ended_at: string | null;
  ended_by: string | null;
}

/** Alerts a supervisor took out of the band for a while (migration 13). */
export class AlertShelfRepo {
  constructor(private readonly db: Db) {}

  shelve(s: { alertId: number; at: string; until: string; reason: string; actor: string; accountId?: number | undefined }): number {
    return Number(
      this.db
        .prepare('INSERT INTO alert_shelves (alert_id, shelved_at, until, reason, actor, account_id) VALUES (?, ?, ?, ?, ?, ?)')
        .run(s.alertId, s.at, s.until, s.reason, s.actor, s.accountId ?? null).lastInsertRowid,
    );
  }

  /** The shelves not yet ended, by alert. */
  current(): Map<number, ShelfRow> {
    const rows = this.db.prepare<[], ShelfRow>('SELECT * FROM alert_shelves WHERE ended_at IS NULL ORDER BY id').all();
    return new Map(rows.map((r) => [r.alert_id, r]));
  }

  /** Ends an alert's shelf early: unshelved by `by`, or (by undefined) because the alert closed. */
  end(alertId: number, at: string, by?: string): boolean {
    return this.db.prepare('UPDATE alert_shelves SET ended_at = ?, ended_by = ? WHERE alert_id = ? AND ended_at IS NULL').run(at, by ?? null, alertId).changes > 0;
  }

  /** Ends every shelf whose time is up at `now`: those alerts are back. Returns how many. */
  expire(now: string): number {
    return this.db.prepare('UPDATE alert_shelves SET ended_at = until WHERE ended_at IS NULL AND until <= ?').run(now).changes;
  }
}
