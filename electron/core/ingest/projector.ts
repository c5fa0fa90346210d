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

/** Folds the page of logged events after `after`: how many there were, and the last one's seq. */
function foldPage(
  store: Store,
  sources: ReadonlyMap<string, SourceHandler>,
  after: number,
  size: number,
  log?: (line: string) => void,
): { folded: number; last: number } {
  const events = store.log.page(after, size);
  if (events.length > 0) projectEvents(store, sources, events, noChanges(), log);
  return { folded: events.length, last: events.at(-1)?.seq ?? after };
}

/** Projects, page by page, every logged event after `after`. Returns how many it projected. */
function replayFrom(store: Store, sources: ReadonlyMap<string, SourceHandler>, after: number, log?: (line: string) => void): number {
  let replayed = 0;
  for (let from = after; ;) {
    const { folded, last } = foldPage(store, sources, from, PAGE, log);
    if (folded === 0) return replayed;
    replayed += folded;
    from = last;
  }
}

/** Whether the projections were written by this reducer version (else they are rebuilt from the log). */
export function projectionsCurrent(store: Store): boolean {
  return store.projection.version() === PROJECTION_VERSION;
}

/**
 * Folds the events logged (and acknowledged) but not yet projected when the console stopped. Quick: at most the
 * projection window's worth. Returns how many.
 */
export function catchUp(store: Store, sources: readonly SourceHandler[], log?: (line: string) => void): number {
  const bySource = new Map(sources.map((s) => [s.source, s]));
  return store.transaction(() => replayFrom(store, bySource, store.projection.projectedSeq(), log));
}

export interface RebuildOptions {
  log?: (line: string) => void;
  /** Events folded per transaction; between two, the event loop serves webhooks. */
  pageSize?: number;
  /** Called after each page: events folded so far, and the log's length. */
  progress?: (done: number, total: number) => void;
}

/**
 * A rebuild of the projections from the whole log, written by this reducer version from then on. Page by page, each
 * in a transaction of its own, so that webhooks can be logged and acknowledged between pages; the version is recorded
 * last, so a console stopped halfway rebuilds again.
 */
class Rebuild {
  private readonly bySource: ReadonlyMap<string, SourceHandler>;
  private from = 0;
  /** The log's length when the rebuild began: what progress is measured against (new events only add to it). */
  private readonly total: number;
  done = 0;

  constructor(
    private readonly store: Store,
    private readonly sources: readonly SourceHandler[],
    private readonly options: RebuildOptions,
  ) {
    this.bySource = new Map(sources.map((s) => [s.source, s]));
    this.total = store.log.count();
    store.transaction(() => {
      // The job queue first, with its search index, all at once (see JobRepo.clear).
      store.jobs.clear();
      store.projection.empty(sources.flatMap((s) => s.projectionTables));
      store.projection.setProjectedSeq(0);
    });
  }

  /** Folds the next page; false once the log is exhausted. */
  step(): boolean {
    const { store, bySource, options } = this;
    const page = store.withoutFsync(() => store.transaction(() => foldPage(store, bySource, this.from, options.pageSize ?? PAGE, options.log)));
    if (page.folded === 0) return false;
    this.done += page.folded;
    this.from = page.last;
    this.options.progress?.(this.done, Math.max(this.done, this.total));
    return true;
  }

  finish(): void {
    this.store.transaction(() => {
      this.store.projection.setVersion(PROJECTION_VERSION);
      // An empty log projects nothing, so nothing else records where the next catch-up starts.
      this.store.projection.setProjectedSeq(Math.max(this.from, this.store.log.lastSeq()));
    });
  }
}

/**
 * Rebuilds while the console serves: `pause` between pages lets the listener acknowledge webhooks, which the log
 * keeps. The last page is read to the log's end in the same turn as `finish`, so the caller, which holds the ingest
 * queue's own folding meanwhile, releases it with nothing left unfolded. Returns how many events it folded.
 */
export async function rebuildServing(
  store: Store,
  sources: readonly SourceHandler[],
  /** Resolves to false when the console is stopping: the rebuild ends there, unfinished (the next start redoes it). */
  pause: () => Promise<boolean>,
  options: RebuildOptions = {},
): Promise<number | undefined> {
  const r = new Rebuild(store, sources, options);
  while (r.step()) {
    if (!(await pause())) return undefined;
  }
  r.finish();
  return r.done;
}

/**
 * Brings the projections up to the log, all at once: rebuilt when written by another reducer version, else caught
 * up. Returns how many events were projected, or undefined when nothing was to do. (The console itself rebuilds
 * after its listener is open: `rebuildServing`.)
 */
export function rebuildIfStale(store: Store, sources: readonly SourceHandler[], log?: (line: string) => void): number | undefined {
  if (projectionsCurrent(store)) {
    const caught = catchUp(store, sources, log);
    return caught === 0 ? undefined : caught;
  }
  const r = new Rebuild(store, sources, log ? { log } : {});
  while (r.step());
  r.finish();
  return r.done;
}
