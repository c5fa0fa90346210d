import type { ConsoleEvent } from '../../shared/api/contract';
import type { MachineView } from '../../shared/api/views';
import { AlertSync } from './alerts/alert-sync';
import { AlertTracker } from './alerts/alert-tracker';
import { DiskSpaceWatch, statfsCheck, type DiskCheck } from './alerts/disk-space';
import { Outbox } from './commands/outbox';
import type { ConsoleConfig } from './config/schema';
import { reconciledMessage, RECONCILED_TYPE } from './domain/reconciliation';
import type { IngestQueue } from './ingest/ingest-queue';
import type { Fleet } from './machines/fleet';
import { machineViews } from './machines/machine-views';
import { MachinePoller } from './machines/poller';
import { ReviewService } from './reviews/review-service';
import { toView } from './store/command-repo';
import type { Store } from './store/store';

export interface ServiceDeps {
  config: ConsoleConfig;
  store: Store;
  fleet: Fleet;
  ingest: IngestQueue;
  /** Whether the projections are being rebuilt: alerts then wait, rather than follow half-rebuilt machine states. */
  rebuilding: () => boolean;
  emit: (event: ConsoleEvent) => void;
  now: () => Date;
  log: (line: string) => void;
  /** Overrides the outbox's retry and reconciliation delays, and the check after an accepted Resume (tests). */
  outboxTiming?: { retryDelaysMs?: readonly number[]; reconcileDelayMs?: number; resumeCheckMs?: number } | undefined;
  /** Overrides how the data volume's free space is read, and how often (tests play a disk filling up). */
  disk?: { check?: DiskCheck; everyMs?: number } | undefined;
}

/** What acts and watches: commands to machines (the outbox), reviews, the machines' API poller, the alerts. */
export interface Services {
  outbox: Outbox;
  reviews: ReviewService;
  poller: MachinePoller;
  alertTracker: AlertTracker;
  alerts: AlertSync;
  /** The data volume's free space, read on a timer for the disk alert. */
  disk: DiskSpaceWatch;
  machineViews: () => MachineView[];
  start(): void;
  stop(): Promise<void>;
}

/** How long after an accepted Resume the machine's API is asked whether work still waits. */
const RESUME_CHECK_MS = 4000;
/** How often the data volume's free space is read: 1 GiB lasts minutes even at a flood's write rate. */
const DISK_CHECK_MS = 10_000;

export function createServices({ config, store, fleet, ingest, rebuilding, emit, now, log, outboxTiming, disk: diskTiming }: ServiceDeps): Services {
  const registry = () => fleet.registry();
  const { resumeCheckMs = RESUME_CHECK_MS, ...timing } = outboxTiming ?? {};
  const outbox = new Outbox({
    transaction: (work) => store.transaction(work),
    repo: store.commands,
    reviews: store.reviews,
    client: (id) => (registry().has(id) ? registry().get(id).client : undefined),
    announce: (c) => {
      emit({ type: 'commands', commands: [toView(c)] });
      if (c.reviewId !== undefined) emit({ type: 'reviews', queue: reviews.queue() });
      if (c.kind === 'resume' && c.state === 'acknowledged') poller.checkAfterResume(c.machineId, resumeCheckMs);
    },
    now,
    log,
    ...timing,
  });
  const reviews = new ReviewService({
    reviews: store.reviews,
    jobs: store.jobs,
    commands: store.commands,
    outbox,
    registry,
    settings: config.review,
    encoder: config.encoder,
    now,
    log,
  });
  const poller: MachinePoller = new MachinePoller({
    registry,
    intervalMs: config.watchdog.pollSeconds * 1000,
    reconcile: (machineId, reconciliation) =>
      ingest.record('aida', { type: RECONCILED_TYPE, subject: machineId, message: reconciledMessage(reconciliation) }, now().toISOString()),
    currentSeq: () => store.log.lastSeq(),
    changed: () => {
      const machines = views();
      emit({ type: 'machines', machines });
      alerts.sync(machines);
    },
    now,
  });
  const views = () => machineViews(fleet, store.machines, poller);
  const alertTracker = new AlertTracker(store.alerts, store.commands, (id) => registry().get(id).label);
  const disk = new DiskSpaceWatch({
    dir: config.dataDir,
    check: diskTiming?.check ?? statfsCheck,
    everyMs: diskTiming?.everyMs ?? DISK_CHECK_MS,
    changed: () => alerts.sync(),
    log,
  });
  const alerts = new AlertSync({
    tracker: alertTracker,
    reviews: store.reviews,
    log: store.log,
    rebuilding,
    machineViews: views,
    unreachable: () => poller.unreachable(),
    lowDisk: () => disk.low(),
    watchdog: config.watchdog,
    encoder: config.encoder,
    emit,
    now,
  });
  return {
    outbox,
    reviews,
    poller,
    alertTracker,
    alerts,
    disk,
    machineViews: views,
    start() {
      outbox.resume();
      poller.start();
      alerts.start();
      disk.start();
    },
    async stop() {
      alerts.stop();
      const polling = poller.stop();
      await disk.stop();
      await polling;
    },
  };
}
