import type { AlertKind } from '../../../shared/api/alerts';
import type { Db } from './database';

export interface AlertRow {
  id: number;
  machine_id: string;
  kind: AlertKind;
  code: string | null;
  detail: string | null;
  opened_at: string;
  closed_at: string | null;
  closed_reason: string | null;
}

/** The alerts raised about machines: opened and closed by the alert tracker, read by the alert views. */
export class AlertRepo {
  constructor(private readonly db: Db) {}

  open(machineId: string, kind: AlertKind, code: string | undefined, detail: string | undefined, at: string): number {
    return Number(
      this.db
        .prepare('INSERT INTO alerts (machine_id, kind, code, detail, opened_at) VALUES (?, ?, ?, ?, ?)')
        .run(machineId, kind, code ?? null, detail ?? null, at).lastInsertRowid,
    );
  }

  close(id: number, at: string, reason: string): boolean {
    return (
      this.db.prepare('UPDATE alerts SET closed_at = ?, closed_reason = ? WHERE id = ? AND closed_at IS NULL').run(at, reason, id).changes === 1
    );
  }

  openAlerts(): AlertRow[] {
    return this.db.prepare<[], AlertRow>('SELECT * FROM alerts WHERE closed_at IS NULL ORDER BY id').all();
  }

  get(id: number): AlertRow | undefined {
    return this.db.prepare<[number], AlertRow>('SELECT * FROM alerts WHERE id = ?').get(id);
  }

  /** Newest first, those older than alert `before` when given. */
  recent(limit: number, before?: number): AlertRow[] {
    if (before === undefined) return this.db.prepare<[number], AlertRow>('SELECT * FROM alerts ORDER BY id DESC LIMIT ?').all(limit);
    return this.db.prepare<[number, number], AlertRow>('SELECT * FROM alerts WHERE id < ? ORDER BY id DESC LIMIT ?').all(before, limit);
  }

  count(): number {
    return this.db.prepare<[], number>('SELECT count(*) FROM alerts').pluck().get() ?? 0;
  }
}
