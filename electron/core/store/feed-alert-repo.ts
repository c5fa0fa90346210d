import type { FeedAlertView } from '../../../shared/api/feeds';
import type { AuditStamp } from './audit-repo';
import type { Db } from './database';

interface AlertRow {
  id: string;
  source: FeedAlertView['source'];
  kind: FeedAlertView['kind'];
  title: string;
  text: string;
  subject: string;
  at: string;
  seq: number;
  acked_at: string | null;
  actor: string | null;
}

export type NewFeedAlert = Omit<FeedAlertView, 'acknowledgedAt' | 'acknowledgedBy'> & { seq: number };

/**
 * Alerts raised by RapIDadmin and identity-verification events. The alerts are a projection (their id is derived
 * from the event, so a rebuild raises the same ones); acknowledgements are a person's act and are kept apart.
 */
export class FeedAlertRepo {
  constructor(private readonly db: Db) {}

  raise(alert: NewFeedAlert): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO feed_alerts (id, source, kind, title, text, subject, at, seq)
         VALUES (@id, @source, @kind, @title, @text, @subject, @at, @seq)`,
      )
      .run(alert);
  }

  /** Records who acknowledged it (their account, role and station too); false if there is no such alert. Acknowledging twice keeps the first. */
  acknowledge(id: string, by: AuditStamp, at: string): boolean {
    if (!this.db.prepare('SELECT 1 FROM feed_alerts WHERE id = ?').get(id)) return false;
    this.db
      .prepare('INSERT OR IGNORE INTO feed_alert_acks (id, acked_at, actor, account_id, account_role, station) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, at, by.actor, by.accountId ?? null, by.role ?? null, by.station);
    return true;
  }

  get(id: string): FeedAlertView | undefined {
    const row = this.db
      .prepare<[string], AlertRow>('SELECT a.*, k.acked_at, k.actor FROM feed_alerts a LEFT JOIN feed_alert_acks k ON k.id = a.id WHERE a.id = ?')
      .get(id);
    return row ? toView(row) : undefined;
  }

  /** Every unacknowledged alert, then the most recent acknowledged ones, newest first. */
  recent(limit: number): FeedAlertView[] {
    return this.db
      .prepare<[number], AlertRow>(
        `SELECT a.*, k.acked_at, k.actor FROM feed_alerts a LEFT JOIN feed_alert_acks k ON k.id = a.id
         WHERE k.id IS NULL OR a.seq IN (SELECT seq FROM feed_alerts ORDER BY seq DESC LIMIT ?)
         ORDER BY a.seq DESC`,
      )
      .all(limit)
      .map(toView);
  }
}

function toView(row: AlertRow): FeedAlertView {
  return {
    id: row.id,
    source: row.source,
    kind: row.kind,
    title: row.title,
    text: row.text,
    subject: row.subject,
    at: row.at,
    ...(row.acked_at !== null ? { acknowledgedAt: row.acked_at } : {}),
    ...(row.actor !== null ? { acknowledgedBy: row.actor } : {}),
  };
}
