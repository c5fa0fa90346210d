import type { Db } from '../store/database';
import { noChanges, type SourceHandler } from './source';

/** Bump when a reducer changes meaning: the projections are then rebuilt from the event log at start-up. */
export const PROJECTION_VERSION = 1;
const REBUILD_PAGE = 5000;

/**
 * Rebuilds every source's projections from the event log when they are missing or were written by another reducer
 * version. Returns how many events were replayed, or undefined when the projections were current.
 */
export function rebuildIfStale(db: Db, sources: readonly SourceHandler[]): number | undefined {
  const row = db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'projection_version'").get();
  if (row && Number(row.value) === PROJECTION_VERSION) return undefined;
  const bySource = new Map(sources.map((s) => [s.source, s]));
  let replayed = 0;
  db.transaction(() => {
    for (const s of sources) for (const table of s.projectionTables) db.exec(`DELETE FROM ${table}`);
    // Read in pages, not with iterate(): projecting writes on this connection, which a live cursor forbids.
    const page = db.prepare<[number, number], { seq: number; source: string; machine_id: string; message_type: string; received_at: string; message: string }>(
      'SELECT seq, source, machine_id, message_type, received_at, message FROM events WHERE seq > ? ORDER BY seq LIMIT ?',
    );
    let after = 0;
    for (;;) {
      const events = page.all(after, REBUILD_PAGE);
      if (events.length === 0) break;
      for (const e of events) {
        after = e.seq;
        const handler = bySource.get(e.source);
        if (!handler) continue;
        handler.project(
          {
            seq: e.seq,
            source: e.source,
            subject: e.machine_id,
            type: e.message_type,
            receivedAt: e.received_at,
            message: JSON.parse(e.message) as unknown,
          },
          noChanges(),
        );
        replayed += 1;
      }
    }
    db.prepare(
      "INSERT INTO meta (key, value) VALUES ('projection_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    ).run(String(PROJECTION_VERSION));
  })();
  return replayed;
}
