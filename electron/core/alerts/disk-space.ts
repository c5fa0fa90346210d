import { statfs } from 'node:fs/promises';

/** Free and total bytes of the volume holding a folder, as the console's user may write them. */
export interface DiskReading {
  freeBytes: number;
  totalBytes: number;
}

/** Reads the volume of `dir`. Injectable, so that a test can play a disk that fills up and is freed. */
export type DiskCheck = (dir: string) => Promise<DiskReading>;

/** The operating system's answer (`statfs`; `bavail`: the blocks an unprivileged user may still write). */
export const statfsCheck: DiskCheck = async (dir) => {
  const s = await statfs(dir);
  return { freeBytes: s.bavail * s.bsize, totalBytes: s.blocks * s.bsize };
};

const GIB = 1024 * 1024 * 1024;

/**
 * Below this, the disk alert opens. A fixed amount, not a share of the disk: what runs out is the room the console
 * itself needs (a shift's deliveries, the WAL between checkpoints, the refused deliveries' 100 MiB cap), whatever the
 * disk's size. 5 % would cry wolf at 100 GB free on a 2 TB disk, and stay silent until 400 MB on an 8 GB card.
 */
export const LOW_DISK_BYTES = GIB;
/** The alert closes only above this, so a disk hovering at the threshold does not sound the alarm again and again. */
export const DISK_BACK_BYTES = GIB + GIB / 4;

/** Whether the disk counts as low now, given whether it did at the last reading. Pure. */
export function diskLow(wasLow: boolean, freeBytes: number): boolean {
  return wasLow ? freeBytes < DISK_BACK_BYTES : freeBytes < LOW_DISK_BYTES;
}

export interface DiskWatchDeps {
  dir: string;
  check: DiskCheck;
  everyMs: number;
  /** Told when the disk becomes low, or is back. */
  changed: () => void;
  log: (line: string) => void;
}

/** Reads the data volume's free space on a timer; the alert rules read `low()`. */
export class DiskSpaceWatch {
  private reading: (DiskReading & { low: boolean }) | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private running: Promise<void> | undefined;
  private failing = false;

  constructor(private readonly deps: DiskWatchDeps) {}

  /** The last reading when the disk is low; undefined when it is not (or could not be read). */
  low(): DiskReading | undefined {
    return this.reading?.low ? { freeBytes: this.reading.freeBytes, totalBytes: this.reading.totalBytes } : undefined;
  }

  /** Reads the disk now (one reading at a time). */
  check(): Promise<void> {
    this.running ??= this.read().finally(() => (this.running = undefined));
    return this.running;
  }

  start(): void {
    this.timer = setInterval(() => void this.check(), this.deps.everyMs);
    this.timer.unref();
    void this.check();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async read(): Promise<void> {
    let now: DiskReading;
    try {
      now = await this.deps.check(this.deps.dir);
    } catch (err) {
      // Some file systems cannot say: the console runs on without the alert, and says so once.
      if (!this.failing) this.deps.log(`free disk space of ${this.deps.dir} cannot be read: ${(err as Error).message}`);
      this.failing = true;
      return;
    }
    this.failing = false;
    const wasLow = this.reading?.low ?? false;
    const low = diskLow(wasLow, now.freeBytes);
    this.reading = { ...now, low };
    if (low === wasLow) return;
    this.deps.log(low ? `low disk space: ${now.freeBytes} bytes free for ${this.deps.dir}` : `disk space is back: ${now.freeBytes} bytes free`);
    this.deps.changed();
  }
}
