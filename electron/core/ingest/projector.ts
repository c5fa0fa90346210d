import type { Db } from '../store/database';
import { noChanges, type Changes, type SourceHandler, type StoredEvent } from './source';

/** Bump when a reducer changes meaning: the projections are then rebuilt from the event log at start-up. */
export const PROJECTION_VERSION = 1;
const PAGE = 5000;

type EventRow = { seq: number; source: string; machine_id: string; message_type: string; received_at: string; message: string };

const toEvent = (e: EventRow): StoredEvent => ({
  seq: e.seq,
  source: e.source,
  subject: e.machine_id,
  type: e.message_type,
  receivedAt: e.received_at,
  message: JSON.parse(e.message) as unknown,
});

function setMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

function getMeta(db: Db, key: string): string | undefined {
  return db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?').get(key)?.value;
}

/**
 * Folds logged events into the sources' projections, in the caller's transaction, and records how far it got.
 * An event whose projection throws is logged and skipped (in a savepoint): the event itself stays in the log.
 */
export function projectEvents(
  db: Db,
  sources: ReadonlyMap<string, SourceHandler>,
  events: readonly StoredEvent[],
  changes: Changes,
  log: (line: string) => void = () => {},
): void {
  const fold = (event: StoredEvent) => sources.get(event.source)?.project(event, changes);
  try {
    // One savepoint for the batch: the common case, with no per-event overhead.
    db.transaction(() => events.forEach(fold))();
  } catch {
    // Some event's projection throws: fold them one by one, each in its own savepoint, and skip the one that fails.
    for (const s of sources.values()) s.discardBatch?.();
    for (const key of [...changes.jobs.keys()]) changes.jobs.delete(key);
    for (const event of events) {
      try {
        db.transaction(() => fold(event))();
      } catch (err) {
        log(`projection of event ${event.seq} failed: ${(err as Error).message}`);
      }
    }
  }
  for (const s of sources.values()) s.endBatch?.();
  const last = events.at(-1);
  if (last) setMeta(db, 'projected_seq', String(last.seq));
}

/** Projects, page by page, every logged event after `after`. Returns how many it projected. */
function replayFrom(db: Db, sources: ReadonlyMap<string, SourceHandler>, after: number, log?: (line: string) => void): number {
  // Read in pages, not with iterate(): projecting writes on this connection, which a live cursor forbids.
  const page = db.prepare<[number, number], EventRow>(
    'SELECT seq, source, machine_id, message_type, received_at, message FROM events WHERE seq > ? ORDER BY seq LIMIT ?',
  );
  let replayed = 0;
  let from = after;
  for (;;) {
    const events = page.all(from, PAGE).map(toEvent);
    if (events.length === 0) return replayed;
    projectEvents(db, sources, events, noChanges(), log);
    replayed += events.length;
    from = events.at(-1)?.seq ?? from;
  }
}

/**
 * Brings the projections up to the log at start-up: rebuilt from scratch when missing or written by another reducer
 * version, else caught up with the events logged (and acknowledged) but not yet projected when the console stopped.
 * Returns how many events were projected, or undefined when nothing was to do.
 */
export function rebuildIfStale(db: Db, sources: readonly SourceHandler[], log?: (line: string) => void): number | undefined {
  const bySource = new Map(sources.map((s) => [s.source, s]));
  const current = Number(getMeta(db, 'projection_version')) === PROJECTION_VERSION;
  const replayed = db.transaction(() => {
    if (current) return replayFrom(db, bySource, Number(getMeta(db, 'projected_seq') ?? 0), log);
    for (const s of sources) for (const table of s.projectionTables) db.exec(`DELETE FROM ${table}`);
    const count = replayFrom(db, bySource, 0, log);
    setMeta(db, 'projection_version', String(PROJECTION_VERSION));
    // An empty log projects nothing, so nothing else records where the next catch-up starts.
    const last = db.prepare<[], { seq: number }>('SELECT coalesce(max(seq), 0) AS seq FROM events').get()?.seq ?? 0;
    setMeta(db, 'projected_seq', String(last));
    return count;
  })();
  return current && replayed === 0 ? undefined : replayed;
}
