import { readFileSync, renameSync, writeFileSync } from 'node:fs';

/** How many numbers one write reserves: a restart skips at most this many, as a database identity cache does. */
const BLOCK = 100;

/**
 * Monotonic counters (job ids, message ids, batches) that survive a restart of the console, so a simulated machine
 * never repeats a JobId or a MessageId the console already stored: it would be taken for a duplicate and ignored.
 * Numbers are reserved a block at a time (hi/lo), so the file is written once per BLOCK numbers, not per message.
 * Without a file the counters start at 1 on every run, which is what tests want.
 */
export class Counters {
  private readonly reserved: Record<string, number> = {};
  private readonly current = new Map<string, { next: number; limit: number }>();
  /** Where a counter the file does not name starts. */
  private floor = 1;

  constructor(
    private readonly file: string | undefined,
    log: (line: string) => void = () => {},
  ) {
    if (!file) return;
    const read = readReserved(file);
    if (read.ok) this.reserved = read.value;
    else {
      // Starting from 1 again could repeat ids the console already has: jump far ahead instead.
      log(`simulator: ${file} unreadable (${read.reason}); numbering jumps ahead`);
      this.floor = 1_000_000;
    }
  }

  next(name: string): number {
    const start = this.reserved[name] ?? this.floor;
    const counter = this.current.get(name) ?? { next: start, limit: start };
    if (counter.next >= counter.limit) {
      counter.limit = counter.next + BLOCK;
      this.reserved[name] = counter.limit;
      this.save();
    }
    this.current.set(name, counter);
    return counter.next++;
  }

  private save(): void {
    if (!this.file) return;
    // Write then rename: a crash mid-write leaves the previous reservation, never a torn file.
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.reserved));
    renameSync(tmp, this.file);
  }
}

function readReserved(file: string): { ok: true; value: Record<string, number> } | { ok: false; reason: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    // No file yet: a first start.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, value: {} };
    return { ok: false, reason: (err as Error).message };
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed !== 'object' || parsed === null) return { ok: false, reason: 'not a JSON object' };
    const value: Record<string, number> = {};
    for (const [k, v] of Object.entries(parsed)) if (Number.isSafeInteger(v)) value[k] = v as number;
    return { ok: true, value };
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  }
}
