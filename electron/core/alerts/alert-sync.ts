import type { ConsoleEvent } from '../../../shared/api/contract';
import type { MachineView } from '../../../shared/api/views';
import type { ConsoleConfig } from '../config/schema';
import type { EventLog } from '../store/event-log';
import type { ReviewRepo } from '../store/review-repo';
import { wantedAlerts } from './alert-rules';
import type { AlertTracker } from './alert-tracker';

const TICK_MS = 1000;

export interface AlertSyncDeps {
  tracker: AlertTracker;
  reviews: ReviewRepo;
  log: EventLog;
  /** While true, the open alerts stay as they are: the machine states they follow are being rebuilt. */
  rebuilding: () => boolean;
  machineViews: () => MachineView[];
  unreachable: () => ReadonlySet<string>;
  /** The data volume's free space when it is low (DiskSpaceWatch); absent: not watched. */
  lowDisk?: () => { freeBytes: number } | undefined;
  /** A failed or stale backup (BackupService); absent: not watched. */
  backup?: () => { kind: 'backup-failed' | 'backup-stale'; detail: string } | undefined;
  watchdog: ConsoleConfig['watchdog'];
  encoder: ConsoleConfig['encoder'];
  emit: (event: ConsoleEvent) => void;
  now: () => Date;
}

/**
 * Keeps the open alerts equal to what the rules want, after every change and once a second (silence, encoder waits
 * and a disk filling up are raised by time passing, not by a message).
 */
export class AlertSync {
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly deps: AlertSyncDeps) {}

  sync(machines?: MachineView[]): void {
    if (this.deps.rebuilding()) return;
    const views = machines ?? this.deps.machineViews();
    const { tracker, reviews, watchdog, encoder, now } = this.deps;
    const t = now().getTime();
    const waitingEncoders = reviews
      .unanswered()
      .filter((r) => r.kind === 'encoder' && r.state === 'pending' && t - Date.parse(r.opened_at) > encoder.waitAlertSeconds * 1000)
      .map((r) => ({ machineId: r.machine_id, reviewId: r.id, since: r.opened_at }));
    const wanted = wantedAlerts({
      machines: views,
      now: t,
      silenceMs: watchdog.silenceSeconds * 1000,
      unreachable: this.deps.unreachable(),
      conflicts: this.deps.log.latestConflicts(),
      waitingEncoders,
      lowDisk: this.deps.lowDisk?.(),
      backup: this.deps.backup?.(),
    });
    const at = now().toISOString();
    if (tracker.sync(wanted, views, at)) this.deps.emit({ type: 'alerts', active: tracker.active(), summary: tracker.summary(at) });
  }

  start(): void {
    this.timer = setInterval(() => this.sync(), TICK_MS);
    this.sync();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
