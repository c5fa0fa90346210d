import type { MoveCounts } from '../store/archive-mover';
import type { ArchiveStore } from '../store/archive-store';
import type { Scan } from '../store/retention-candidates';
import type { RetentionSettings } from './retention-config';
import { cutoffsAt } from './retention-policy';

export interface RetentionDeps {
  archive: ArchiveStore;
  settings: RetentionSettings;
  /** While projections are rebuilt from the log, nothing leaves it: a pass waits for the rebuild's end. */
  rebuilding: () => boolean;
  now: () => Date;
  log: (line: string) => void;
  /** Hears each pass that moved or redacted anything (the storage figures changed). */
  changed?: () => void;
  /** How often a pass runs after the one at start (hourly). */
  everyMs?: number;
  /** Jobs per batch: each batch is one short synchronous stretch on the connection that acknowledges webhooks. */
  batchJobs?: number;
  /**
   * Rest between two batches, so webhooks queued meanwhile are acknowledged first: batches of a few milliseconds, 50 ms
   * apart, hold at most a few per cent of acknowledgements, by a few milliseconds.
   */
  restMs?: number;
}

export interface PassResult {
  moved: MoveCounts;
  redacted: number;
}

const HOUR_MS = 60 * 60 * 1000;
const BATCH_JOBS = 10;
/** Rows read per batch of the other walks (deliveries, alerts, commands, redaction): as short as a batch of jobs. */
const BATCH_ROWS = 100;
const REST_MS = 50;
/** How often a pass due during a rebuild looks whether it has ended. */
const REBUILD_POLL_MS = 1000;

/**
 * Moves what is past its retention into the year's archive, and redacts personal data past its own: at start and
 * hourly, in small batches with a rest between them, off the path that acknowledges webhooks. A stop ends the pass
 * between two batches; every batch is complete in itself, so the next pass simply goes on.
 */
export class RetentionService {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<PassResult | undefined> | undefined;
  private stopping = false;
  /** Ends the wait under way (a rest, or a rebuild's end) at once when the console stops. */
  private wake: () => void = () => {};

  constructor(private readonly deps: RetentionDeps) {}

  start(): void {
    const run = () => {
      this.running ??= this.pass().finally(() => (this.running = undefined));
    };
    run();
    this.timer = setInterval(run, this.deps.everyMs ?? HOUR_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    this.wake();
    await this.running;
  }

  /** One pass, after any rebuild of the projections under way; undefined when the console stopped first. */
  async pass(): Promise<PassResult | undefined> {
    while (this.deps.rebuilding()) {
      if (this.stopping) return undefined;
      await this.sleep(REBUILD_POLL_MS);
    }
    const { archive } = this.deps;
    const cut = cutoffsAt(this.deps.settings, this.deps.now());
    const moved: MoveCounts = {};
    let redacted = 0;
    const add = (counts: MoveCounts) => {
      for (const [table, n] of Object.entries(counts) as [keyof MoveCounts, number][]) moved[table] = (moved[table] ?? 0) + n;
    };
    try {
      // Personal data first: redacted where it is, before it moves (an archive is redacted as well, for what is there).
      if (cut.personalData !== undefined) {
        const before = cut.personalData;
        redacted += await this.repeat(() => archive.redactLive(before, BATCH_ROWS));
        redacted += await this.repeat(() => archive.redactArchives(before, BATCH_ROWS));
      }
      const jobs = this.deps.batchJobs ?? BATCH_JOBS;
      const walks: ((from: number) => Scan)[] = [
        (from) => archive.candidates.jobsAndMessages(from, cut.archive.jobs, archive.newest(), jobs),
        (from) => archive.candidates.deliveriesWithoutEvents('rejected', from, cut.archive.refused, archive.newest(), BATCH_ROWS),
        (from) => archive.candidates.deliveriesWithoutEvents('duplicate', from, cut.archive.jobs, archive.newest(), BATCH_ROWS),
        (from) => archive.candidates.closedAlerts(from, cut.archive.alerts, archive.newest(), BATCH_ROWS),
        (from) => archive.candidates.looseCommands(from, cut.archive.jobs, archive.newest(), BATCH_ROWS),
      ];
      for (const walk of walks) {
        for (let from = 0; ;) {
          if (this.stopping) return undefined;
          const scan = walk(from);
          add(archive.move(scan.units));
          if (scan.done) break;
          from = scan.next;
          await this.rest();
        }
      }
    } catch (err) {
      this.deps.log(`retention pass failed: ${(err as Error).message}`);
    } finally {
      archive.endPass();
    }
    const total = Object.values(moved).reduce((a, b) => a + b, 0);
    if (total > 0 || redacted > 0) {
      this.deps.log(`retention: moved ${describe(moved)} to the archive; redacted personal data in ${redacted} rows`);
      this.deps.changed?.();
    }
    return { moved, redacted };
  }

  /** Runs `step` batch after batch, with a rest between, until it has nothing left (or the console stops). */
  private async repeat(step: () => number): Promise<number> {
    let total = 0;
    for (;;) {
      if (this.stopping) return total;
      const n = step();
      total += n;
      if (n === 0) return total;
      await this.rest();
    }
  }

  private rest(): Promise<void> {
    return this.sleep(this.deps.restMs ?? REST_MS);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

const describe = (moved: MoveCounts) =>
  Object.entries(moved)
    .map(([table, n]) => `${n} ${table}`)
    .join(', ') || 'nothing';
