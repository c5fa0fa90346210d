import type { ActivityEntry } from '../../../shared/api/feeds';
import type { Db } from './database';

/**
 * The activity feed: RapIDadmin / EliteID events, and identity-verification deliveries that name no process (kept
 * and shown rather than dropped). One entry per event, keyed by its sequence number.
 */
export class ActivityRepo {
  private readonly putStmt;

  constructor(private readonly db: Db) {
    this.putStmt = db.prepare('INSERT OR REPLACE INTO feed_activity (seq, source, at, entry) VALUES (?, ?, ?, ?)');
  }

  add(entry: ActivityEntry, source: string): void {
    this.putStmt.run(entry.seq, source, entry.at, JSON.stringify(entry));
  }

  /** Newest first, those before sequence number `before` when given. */
  recent(limit: number, before?: number): ActivityEntry[] {
    const rows =
      before === undefined
        ? this.db.prepare<[number], { entry: string }>('SELECT entry FROM feed_activity ORDER BY seq DESC LIMIT ?').all(limit)
        : this.db.prepare<[number, number], { entry: string }>('SELECT entry FROM feed_activity WHERE seq < ? ORDER BY seq DESC LIMIT ?').all(before, limit);
    return rows.map((r) => JSON.parse(r.entry) as ActivityEntry);
  }
}
