import { rmSync, statSync } from 'node:fs';
import type { BackupStatus } from '../../../shared/api/backup';
import { privateFile } from '../files/private';
import type { BackupCheck, BackupCopy } from '../store/backup-worker';
import type { BackupReason, BackupRecord, BackupRepo } from '../store/backup-repo';
import { listBackups, newBackupPath, onSameDisk, pruneBackups } from './backup-files';
import { backupAlert, nextBackupDue, type BackupAlert } from './backup-rules';

export interface BackupTiming {
  /** Between daily backups. */
  everyMs?: number;
  /** After a failed backup, before the next try. */
  retryMs?: number;
  /** After start-up, before a backup that is already due: the console first catches up with its machines. */
  firstDelayMs?: number;
}

export interface BackupServiceDeps extends BackupTiming {
  repo: BackupRepo;
  dataDir: string;
  dir: string;
  keep: number;
  /** Copies the live database to a new file, in a worker thread (store/backup-worker.ts); undefined when stopped. */
  copy: (dest: string, signal: AbortSignal) => Promise<BackupCopy | undefined>;
  /** The integrity check, in a worker thread; undefined when `signal` ended it. */
  check: (file: string, signal: AbortSignal) => Promise<BackupCheck | undefined>;
  /**
   * Removes personal data past its retention from a kept backup file (retention.personalDataDays); absent when no
   * such period is set.
   */
  redact?: ((file: string, now: Date) => void | Promise<void>) | undefined;
  /** Told after every change of the status (the settings screen and the alerts follow). */
  changed: (status: BackupStatus) => void;
  now: () => Date;
  log: (line: string) => void;
}

const HOUR_MS = 3600 * 1000;

/**
 * Copies the live database daily into `backup.dir` (and at once on request), checks each copy, keeps the newest
 * `backup.keep`. Copy and check run in worker threads, each on a connection of its own: neither holds the main thread,
 * which acknowledges webhooks.
 */
export class BackupService {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<BackupStatus> | undefined;
  private stopping = false;
  /** Ends a check under way when the console stops: a large file's check would otherwise hold the stop. */
  private readonly stopped = new AbortController();
  private startedAt: Date | undefined;
  private sameDisk = false;
  private nextAt: Date | undefined;
  /** Real time (timers run on it) before which no daily backup starts: the console first catches up after start-up. */
  private notBefore = 0;
  private latest: BackupRecord | undefined;
  private latestGood: BackupRecord | undefined;

  constructor(private readonly deps: BackupServiceDeps) {
    this.refresh();
  }

  start(): void {
    this.startedAt = this.deps.now();
    try {
      this.sameDisk = onSameDisk(this.deps.dataDir, this.deps.dir);
    } catch (err) {
      this.deps.log(`backup folder ${this.deps.dir} cannot be made or read: ${(err as Error).message}`);
    }
    if (this.sameDisk) {
      this.deps.log(`backups go to ${this.deps.dir}, on the same disk as the data: set backup.dir to another disk`);
    }
    // Copies made before a migration, or by a console stopped mid-check, are checked first.
    this.notBefore = Date.now() + (this.deps.firstDelayMs ?? 60_000);
    this.schedule();
    void this.exclusive(() => this.checkUnchecked());
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.stopped.abort();
    clearTimeout(this.timer);
    await this.running;
  }

  /** IT's "Back up now" (and the daily timer): one backup at a time; a second request waits for the first's result. */
  backUpNow(reason: Exclude<BackupReason, 'migration'> = 'manual'): Promise<BackupStatus> {
    return this.exclusive(() => this.backUp(reason));
  }

  /** The failed or stale backup the alert rules raise; none while the last one is fine and recent. */
  alert(): BackupAlert | undefined {
    if (!this.startedAt) return undefined;
    return backupAlert({ latest: this.latest, latestGood: this.latestGood, runningSince: this.startedAt, now: this.deps.now() });
  }

  status(): BackupStatus {
    const last = this.latest;
    return {
      dir: this.deps.dir,
      keep: this.deps.keep,
      sameDisk: this.sameDisk,
      running: this.running !== undefined,
      ...(last
        ? {
            last: {
              file: last.file,
              reason: last.reason,
              startedAt: last.startedAt,
              result: last.result,
              ...(last.finishedAt ? { finishedAt: last.finishedAt } : {}),
              ...(last.bytes !== undefined ? { bytes: last.bytes } : {}),
              ...(last.detail ? { detail: last.detail } : {}),
            },
          }
        : {}),
      ...(this.latestGood ? { lastGoodAt: this.latestGood.startedAt } : {}),
      ...(this.nextAt ? { nextAt: this.nextAt.toISOString() } : {}),
    };
  }

  private exclusive(work: () => Promise<void>): Promise<BackupStatus> {
    if (!this.running) {
      this.running = this.run(work);
      this.announce();
    }
    return this.running;
  }

  private async run(work: () => Promise<void>): Promise<BackupStatus> {
    try {
      await work();
    } catch (err) {
      this.deps.log(`backup: ${(err as Error).message}`);
    }
    this.running = undefined;
    // Any backup, on request too, moves the next daily one a day on.
    this.schedule();
    this.announce();
    return this.status();
  }

  private schedule(): void {
    if (this.stopping || !this.startedAt) return;
    clearTimeout(this.timer);
    const now = this.deps.now().getTime();
    const due = nextBackupDue(this.latest, { everyMs: this.deps.everyMs ?? 24 * HOUR_MS, retryMs: this.deps.retryMs ?? HOUR_MS }, now);
    const delay = Math.max(due - now, this.notBefore - Date.now(), 0);
    this.nextAt = new Date(now + delay);
    // A backup already under way when this fires (a check, a "Back up now") reschedules when it ends.
    this.timer = setTimeout(() => void this.backUpNow('daily'), delay);
    this.timer.unref();
  }

  private async backUp(reason: BackupReason): Promise<void> {
    const { repo, now } = this.deps;
    const at = now();
    const file = newBackupPath(this.deps.dir, at, reason);
    const id = repo.begin(file, reason, at.toISOString());
    privateFile(file);
    const copy = await this.deps.copy(file, this.stopped.signal);
    if (!copy?.ok) {
      rmSync(file, { force: true });
      const why = copy ? copy.error : 'the console stopped before the copy was complete';
      repo.end(id, 'failed', now().toISOString(), undefined, `the copy failed: ${why}`);
      this.deps.log(`backup to ${file} failed: ${why}`);
      this.refresh();
      return;
    }
    const bytes = statSync(file).size;
    repo.end(id, 'unchecked', now().toISOString(), bytes);
    this.refresh();
    await this.redactKept(file);
    await this.checkOne(id, file, bytes);
    if (this.latest?.result === 'ok') {
      for (const gone of pruneBackups(this.deps.dir, this.deps.keep)) this.deps.log(`backup ${gone} deleted (backup.keep is ${this.deps.keep})`);
    }
  }

  private async checkUnchecked(): Promise<void> {
    for (const b of this.deps.repo.unchecked()) {
      if (this.stopping) return;
      await this.checkOne(b.id, b.file, b.bytes);
    }
  }

  private async checkOne(id: number, file: string, bytes: number | undefined): Promise<void> {
    const check = await this.deps.check(file, this.stopped.signal);
    // Stopped mid-check: left unchecked, and checked at the next start.
    if (!check) return;
    // A copy that fails its check is deleted: it must never be the one picked for a restore, nor count among the kept.
    if (!check.ok) rmSync(file, { force: true });
    const detail = check.ok ? undefined : `integrity check: ${check.problems.join('; ')} (the copy was deleted)`;
    this.deps.repo.end(id, check.ok ? 'ok' : 'failed', this.deps.now().toISOString(), bytes, detail);
    if (!check.ok) this.deps.log(`backup ${file} failed its check and was deleted: ${check.problems.join('; ')}`);
    this.refresh();
  }

  /** Personal data ages in the copies too: each kept one is redacted again as it passes its retention. */
  private async redactKept(newest: string): Promise<void> {
    const { redact } = this.deps;
    if (!redact) return;
    const files = new Set([...listBackups(this.deps.dir), newest]);
    for (const file of files) await redact(file, this.deps.now());
  }

  private refresh(): void {
    this.latest = this.deps.repo.latest();
    this.latestGood = this.deps.repo.latestGood();
  }

  private announce(): void {
    this.deps.changed(this.status());
  }
}
