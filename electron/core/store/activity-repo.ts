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

  /** Newest first. */
  recent(limit: number): ActivityEntry[] {
    return this.db
      .prepare<[number], { entry: string }>('SELECT entry FROM feed_activity ORDER BY seq DESC LIMIT ?')
      .all(limit)
      .map((r) => JSON.parse(r.entry) as ActivityEntry);
  }
}
