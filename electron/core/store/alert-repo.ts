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
  /** Rows closed before migration 13: why, in English, as written then. */
  closed_reason: string | null;
  suppressed_by: number | null;
  first_out: 0 | 1;
  latched: 0 | 1;
  closed_code: string | null;
  /** JSON of the code's parameters. */
  closed_params: string | null;
}

export interface NewAlert {
  machineId: string;
  kind: AlertKind;
  code?: string | undefined;
  detail?: string | undefined;
  at: string;
  firstOut: boolean;
}

/** The alerts raised about machines: opened and closed by the alert tracker, read by the alert views and the KPIs. */
export class AlertRepo {
  constructor(private readonly db: Db) {}

  open(a: NewAlert): number {
    return Number(
      this.db
        .prepare('INSERT INTO alerts (machine_id, kind, code, detail, opened_at, first_out) VALUES (?, ?, ?, ?, ?, ?)')
        .run(a.machineId, a.kind, a.code ?? null, a.detail ?? null, a.at, a.firstOut ? 1 : 0).lastInsertRowid,
    );
  }

  /** `latched`: it stays among the active ones until acknowledged (alarms.latching). */
  close(id: number, at: string, reason: { code: string; params?: Record<string, string> | undefined }, latched = false): boolean {
    return (
      this.db
        .prepare('UPDATE alerts SET closed_at = ?, closed_code = ?, closed_params = ?, latched = ? WHERE id = ? AND closed_at IS NULL')
        .run(at, reason.code, reason.params ? JSON.stringify(reason.params) : null, latched ? 1 : 0, id).changes === 1
    );
  }

  /** Acknowledges a latched alert: it leaves the active ones. */
  unlatch(id: number): boolean {
    return this.db.prepare('UPDATE alerts SET latched = 0 WHERE id = ? AND latched = 1').run(id).changes === 1;
  }

  setSuppressedBy(id: number, root: number | undefined): void {
    this.db.prepare('UPDATE alerts SET suppressed_by = ? WHERE id = ?').run(root ?? null, id);
  }

  openAlerts(): AlertRow[] {
    return this.db.prepare<[], AlertRow>('SELECT * FROM alerts WHERE closed_at IS NULL ORDER BY id').all();
  }

  /** Closed by the machine while latching was on, not yet acknowledged. */
  latchedAlerts(): AlertRow[] {
    return this.db.prepare<[], AlertRow>('SELECT * FROM alerts WHERE latched = 1 ORDER BY id').all();
  }

  /** Whether any alert opened after `since`: the next one is then no burst's first. */
  anyOpenedAfter(since: string): boolean {
    return this.db.prepare<[string], number>('SELECT 1 FROM alerts WHERE opened_at > ? LIMIT 1').pluck().get(since) !== undefined;
  }

  /** Alerts opened at or after `from` and before `to`, oldest first. */
  openedBetween(from: string, to: string): AlertRow[] {
    return this.db.prepare<[string, string], AlertRow>('SELECT * FROM alerts WHERE opened_at >= ? AND opened_at < ? ORDER BY opened_at, id').all(from, to);
  }

  /** Open more than `hours` within [from, to): still open ones counted to `to`. At most `limit`, longest first. */
  standing(from: string, to: string, hours: number, limit: number): AlertRow[] {
    return this.db
      .prepare<[string, string, string, number, number], AlertRow>(
        `SELECT * FROM alerts WHERE opened_at < ? AND (closed_at IS NULL OR closed_at >= ?)
           AND (julianday(coalesce(closed_at, ?)) - julianday(opened_at)) * 24 > ? ORDER BY opened_at LIMIT ?`,
      )
      .all(to, from, to, hours, limit);
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
