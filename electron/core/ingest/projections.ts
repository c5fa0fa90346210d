import type { IngestQueue } from './ingest-queue';
import { catchUp, projectionsCurrent, rebuildServing } from './projector';
import type { SourceHandler } from './source';
import type { Store } from '../store/store';

/** Events folded per transaction while rebuilding: short enough that acknowledgements wait a few ms at most. */
const REBUILD_PAGE = 1000;

export interface RebuildProgress {
  done: number;
  total: number;
}

/**
 * The projections' start-up. Current ones catch up at once, before the listener opens (a few events at most). Ones
 * written by another reducer version are rebuilt from the log after the listener is open: machines never meet a closed
 * port (which would stop them with WebhooksServerUnreachable), new deliveries are logged and acknowledged meanwhile,
 * and reads answer from what is rebuilt so far, saying so.
 */
export class Projections {
  private progress: RebuildProgress | undefined;
  private readonly stale: boolean;
  private stopping = false;
  private readonly stopped: Promise<void>;
  private markStopped: () => void = () => {};
  private running: Promise<void> | undefined;

  constructor(
    private readonly store: Store,
    private readonly sources: readonly SourceHandler[],
    private readonly ingest: IngestQueue,
    private readonly log: (line: string) => void,
    /** Awaited between pages besides the event loop's turn (tests hold a rebuild halfway with it). */
    private readonly between: () => Promise<void> = async () => {},
  ) {
    this.stopped = new Promise((resolve) => (this.markStopped = resolve));
    this.stale = !projectionsCurrent(store);
    if (this.stale) {
      this.ingest.hold();
      this.progress = { done: 0, total: store.log.count() };
      return;
    }
    const caught = catchUp(store, sources, log);
    if (caught) log(`projections brought up to date with ${caught} logged events`);
  }

  /** How far a rebuild has come; undefined when none runs. */
  rebuilding(): RebuildProgress | undefined {
    return this.progress;
  }

  /** Rebuilds, if the projections are stale, while the console serves; `changed` hears each step and the end. */
  rebuildIfStale(changed: (progress: RebuildProgress | undefined) => void): void {
    if (this.stale) this.running = this.rebuild(changed);
  }

  /** Ends a rebuild under way between two pages; the next start does it again. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.markStopped();
    await this.running;
  }

  private async rebuild(changed: (progress: RebuildProgress | undefined) => void): Promise<void> {
    const started = Date.now();
    const pause = async () => {
      await new Promise<void>((resolve) => setImmediate(resolve));
      await Promise.race([this.between(), this.stopped]);
      return !this.stopping;
    };
    const folded = await rebuildServing(this.store, this.sources, pause, {
      log: this.log,
      pageSize: REBUILD_PAGE,
      progress: (done, total) => {
        this.progress = { done, total };
        changed(this.progress);
      },
    });
    if (folded === undefined) return;
    this.ingest.release();
    this.progress = undefined;
    this.log(`projections rebuilt from ${folded} logged events in ${Date.now() - started} ms, while serving`);
    changed(undefined);
  }
}
