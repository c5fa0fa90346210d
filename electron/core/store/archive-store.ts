import { dirname, join } from 'node:path';
import { archiveFiles, fileBytes, LIVE_FILE } from './archive-files';
import { ArchiveMover, type MoveCounts, type MoveSet } from './archive-mover';
import type { Db } from './database';
import { RefusedDeliveries } from './refused-deliveries';
import { RetentionCandidates, type Unit } from './retention-candidates';
import { redactPersonalData } from './retention-redaction';

/** The store's size on disk: the live file and each year's archive, with the oldest message still live. */
export interface StorageFigures {
  liveBytes: number;
  archives: { year: number; bytes: number }[];
  /** The oldest logged message's arrival, undefined when the log is empty. */
  oldestLiveAt: string | undefined;
}

/**
 * Retention's side of the store: what may leave the live file, moving it into the year's archive, redacting personal
 * data in both, and the figures the settings screen shows.
 */
export class ArchiveStore {
  readonly candidates: RetentionCandidates;
  private readonly mover: ArchiveMover;
  private readonly oldestStmt;

  constructor(private readonly db: Db) {
    this.candidates = new RetentionCandidates(db);
    this.mover = new ArchiveMover(db);
    this.oldestStmt = db.prepare<[], string>('SELECT received_at FROM events ORDER BY seq LIMIT 1').pluck();
  }

  get dataDir(): string {
    return dirname(this.db.name);
  }

  newest(): ReturnType<ArchiveMover['newest']> {
    return this.mover.newest();
  }

  /** Moves a batch of units into their years' archives, one move per year; returns the rows moved per table. */
  move(units: readonly Unit[]): MoveCounts {
    const byYear = new Map<number, MoveSet>();
    for (const { year, set } of units) {
      const merged = byYear.get(year) ?? {};
      for (const [table, ids] of Object.entries(set) as [keyof MoveSet, number[]][]) merged[table] = [...(merged[table] ?? []), ...ids];
      byYear.set(year, merged);
    }
    const total: MoveCounts = {};
    for (const [year, set] of byYear) {
      for (const [table, n] of Object.entries(this.mover.move(year, set)) as [keyof MoveCounts, number][]) {
        total[table] = (total[table] ?? 0) + n;
      }
    }
    // The refused deliveries' totals are counted again from the table (their constructor does), as a refusal moved.
    if ((total.deliveries ?? 0) > 0) new RefusedDeliveries(this.db);
    return total;
  }

  /** Redacts up to `limit` rows per table of the live file; 0 once all before the cutoff are done. */
  redactLive(before: string, limit: number): number {
    return redactPersonalData(this.db, before, { limit });
  }

  /** The same in each year's archive present in the data directory. */
  redactArchives(before: string, limit: number): number {
    let read = 0;
    for (const { year } of archiveFiles(this.dataDir)) read += redactPersonalData(this.db, before, { schema: this.mover.attach(year), limit });
    return read;
  }

  /** Detaches the archives a pass attached. */
  endPass(): void {
    this.mover.detachAll();
  }

  storage(): StorageFigures {
    return {
      liveBytes: fileBytes(join(this.dataDir, LIVE_FILE)),
      archives: archiveFiles(this.dataDir).map((a) => ({ year: a.year, bytes: fileBytes(a.path) })),
      oldestLiveAt: this.oldestStmt.get(),
    };
  }
}
