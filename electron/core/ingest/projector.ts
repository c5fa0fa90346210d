import type { Store } from '../store/store';
import { noChanges, type Changes, type SourceHandler, type StoredEvent } from './source';

/** Bump when a reducer changes meaning: the projections are then rebuilt from the event log at start-up. */
export const PROJECTION_VERSION = 2;
const PAGE = 5000;

/**
 * Folds logged events into the sources' projections, in the caller's transaction, and records how far it got.
 * An event whose projection throws is logged and skipped (in a savepoint): the event itself stays in the log.
 */
export function projectEvents(
  store: Store,
  sources: ReadonlyMap<string, SourceHandler>,
  events: readonly StoredEvent[],
  changes: Changes,
  log: (line: string) => void = () => {},
): void {
  const fold = (event: StoredEvent) => sources.get(event.source)?.project(event, changes);
  try {
    // One savepoint for the batch: the common case, with no per-event overhead.
    store.transaction(() => events.forEach(fold));
  } catch {
    // Some event's projection throws: fold them one by one, each in its own savepoint, and skip the one that fails.
    for (const s of sources.values()) s.discardBatch?.();
    for (const key of [...changes.jobs.keys()]) changes.jobs.delete(key);
    for (const event of events) {
      try {
        store.transaction(() => fold(event));
      } catch (err) {
        log(`projection of event ${event.seq} failed: ${(err as Error).message}`);
      }
    }
  }
  for (const s of sources.values()) s.endBatch?.();
  const last = events.at(-1);
  if (last) store.projection.setProjectedSeq(last.seq);
}

/** Projects, page by page, every logged event after `after`. Returns how many it projected. */
function replayFrom(store: Store, sources: ReadonlyMap<string, SourceHandler>, after: number, log?: (line: string) => void): number {
  let replayed = 0;
  let from = after;
  for (;;) {
    const events = store.log.page(from, PAGE);
    if (events.length === 0) return replayed;
    projectEvents(store, sources, events, noChanges(), log);
    replayed += events.length;
    from = events.at(-1)?.seq ?? from;
  }
}

/**
 * Brings the projections up to the log at start-up: rebuilt from scratch when missing or written by another reducer
 * version, else caught up with the events logged (and acknowledged) but not yet projected when the console stopped.
 * Returns how many events were projected, or undefined when nothing was to do.
 */
export function rebuildIfStale(store: Store, sources: readonly SourceHandler[], log?: (line: string) => void): number | undefined {
  const bySource = new Map(sources.map((s) => [s.source, s]));
  const current = store.projection.version() === PROJECTION_VERSION;
  const replayed = store.transaction(() => {
    if (current) return replayFrom(store, bySource, store.projection.projectedSeq(), log);
    store.projection.empty(sources.flatMap((s) => s.projectionTables));
    const count = replayFrom(store, bySource, 0, log);
    store.projection.setVersion(PROJECTION_VERSION);
    // An empty log projects nothing, so nothing else records where the next catch-up starts.
    store.projection.setProjectedSeq(store.log.lastSeq());
    return count;
  });
  return current && replayed === 0 ? undefined : replayed;
}
