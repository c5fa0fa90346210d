import type { ConsoleEvent } from '../../shared/api/contract';
import type { StorageView } from '../../shared/api/storage';
import type { MachineView } from '../../shared/api/views';
import { AlertSync } from './alerts/alert-sync';
import { AlertTracker } from './alerts/alert-tracker';
import { DiskSpaceWatch, statfsCheck, type DiskCheck } from './alerts/disk-space';
import { BackupService, type BackupTiming } from './backup/backup-service';
import { Outbox } from './commands/outbox';
import type { ConsoleConfig } from './config/schema';
import { reconciledMessage, RECONCILED_TYPE } from './domain/reconciliation';
import type { IngestQueue } from './ingest/ingest-queue';
import type { Fleet } from './machines/fleet';
import { machineViews } from './machines/machine-views';
import { MachinePoller } from './machines/poller';
import { resolveRetention } from './retention/retention-config';
import { cutoffsAt } from './retention/retention-policy';
import { RetentionService, type RetentionDeps } from './retention/retention-service';
import { storageView } from './retention/storage-view';
import { resolveProduction } from './production/production-config';
import { ProductionFigures } from './production/production-figures';
import { ShiftReports } from './production/shift-reports';
import { ReviewService } from './reviews/review-service';
import { MachineEvidence } from './machines/machine-evidence';
import { checkBackupFile, copyDatabase, type BackupCheck } from './store/backup-worker';
import { redactBackupFile } from './store/backup-redaction';
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
  /** Settings that apply at once, as the settings screen changes them (the rest waits for a restart). */
  live: { keepSnapshots: boolean };
  /** Overrides the outbox's retry and reconciliation delays, and the check after an accepted Resume (tests). */
  outboxTiming?: { retryDelaysMs?: readonly number[]; reconcileDelayMs?: number; resumeCheckMs?: number } | undefined;
  /** Overrides how the data volume's free space is read, and how often (tests play a disk filling up). */
  disk?: { check?: DiskCheck; everyMs?: number } | undefined;
  /** better-sqlite3 build for this runtime: the backup check's worker loads it too. */
  nativeBinding?: string | undefined;
  /** Overrides the backups' timing and check (tests play a day passing, or a corrupted copy). */
  backup?: (BackupTiming & { check?: (file: string) => Promise<BackupCheck | undefined> }) | undefined;
  /** Overrides retention's timing: how often it runs, its batch size and the rest between batches (tests). */
  retention?: Pick<RetentionDeps, 'everyMs' | 'batchJobs' | 'restMs'> | undefined;
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
  /** Daily copies of the database, each checked; IT's "Back up now". */
  backup: BackupService;
  /** Moves what is past its retention into the year's archive, and redacts expired personal data. */
  retention: RetentionService;
  /** The store's size (live and archives), its oldest live day and the free disk. */
  storage: () => Promise<StorageView>;
  /** Production figures over any range, and the shift reports made at each shift's end (issue 15). */
  production: { figures: ProductionFigures; reports: ShiftReports };
  /** Asked of a machine on a person's request: its session totals beside the console's, the camera's picture. */
  evidence: MachineEvidence;
  machineViews: () => MachineView[];
  start(): void;
  stop(): Promise<void>;
}

/** How long after an accepted Resume the machine's API is asked whether work still waits. */
const RESUME_CHECK_MS = 4000;
/** How often the data volume's free space is read: 1 GiB lasts minutes even at a flood's write rate. */
const DISK_CHECK_MS = 10_000;

export function createServices(deps: ServiceDeps): Services {
  const { config, store, fleet, ingest, rebuilding, emit, now, log, outboxTiming, disk: diskTiming } = deps;
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
    reconcile: async (machineId, reconciliation) => {
      await ingest.record('aida', { type: RECONCILED_TYPE, subject: machineId, message: reconciledMessage(reconciliation) }, now().toISOString());
      // What a restored backup left unsettled on this machine is settled by what its API says now.
      if (outbox.settleRestored(machineId, reconciliation)) emit({ type: 'reviews', queue: reviews.queue() });
    },
    currentSeq: () => store.log.lastSeq(),
    changed: () => {
      const machines = views();
      emit({ type: 'machines', machines });
      alerts.sync(machines);
    },
    now,
  });
  const views = () => machineViews(fleet, store.machines, poller);
  const alertTracker = new AlertTracker({
    repo: store.alerts,
    shelves: store.alertShelves,
    commands: store.commands,
    machineLabel: (id) => registry().get(id).label,
    alarms: () => config.alarms,
  });
  const disk = new DiskSpaceWatch({
    dir: config.dataDir,
    check: diskTiming?.check ?? statfsCheck,
    everyMs: diskTiming?.everyMs ?? DISK_CHECK_MS,
    changed: () => alerts.sync(),
    log,
  });
  const retentionSettings = config.retention ?? resolveRetention(undefined);
  const retention = new RetentionService({ archive: store.archive, settings: retentionSettings, rebuilding, now, log, ...deps.retention });
  const storage = () => storageView(store.archive.storage(), retentionSettings, diskTiming?.check ?? statfsCheck, config.dataDir);
  const { check, ...backupTiming } = deps.backup ?? {};
  const backup = new BackupService({
    repo: store.backups,
    dataDir: config.dataDir,
    dir: config.backup.dir,
    keep: config.backup.keep,
    copy: (dest, signal) => copyDatabase(store.backups.databaseFile(), dest, deps.nativeBinding, signal),
    check: check ?? ((file, signal) => checkBackupFile(file, deps.nativeBinding, signal)),
    // Personal data expires in the kept backups too (retention.personalDataDays).
    redact:
      retentionSettings.personalDataDays === undefined
        ? undefined
        : async (file, at) => {
          const before = cutoffsAt(retentionSettings, at).personalData;
          if (before !== undefined) await redactBackupFile(file, before, deps.nativeBinding);
        },
    changed: (status) => {
      emit({ type: 'backup', backup: status });
      alerts.sync();
    },
    now,
    log,
    ...backupTiming,
  });
  const productionSettings = () => config.production ?? resolveProduction(undefined, undefined);
  const figures = new ProductionFigures(store, productionSettings, now);
  const settle = () => ingest.projectPending();
  const shiftReports = new ShiftReports({ store, figures, settings: productionSettings, settle, rebuilding, now, log });
  const alerts = new AlertSync({
    tracker: alertTracker,
    reviews: store.reviews,
    log: store.log,
    rebuilding,
    machineViews: views,
    unreachable: () => poller.unreachable(),
    lowDisk: () => disk.low(),
    backup: () => backup.alert(),
    watchdog: config.watchdog,
    encoder: config.encoder,
    emit,
    now,
  });
  const evidence = new MachineEvidence({
    registry,
    counts: store.jobOutcomes,
    reviews: store.reviews,
    snapshots: store.snapshots,
    keepSnapshots: () => deps.live.keepSnapshots,
    now,
  });
  return {
    outbox,
    reviews,
    poller,
    evidence,
    alertTracker,
    alerts,
    disk,
    backup,
    retention,
    storage,
    production: { figures, reports: shiftReports },
    machineViews: views,
    start() {
      outbox.resume();
      poller.start();
      alerts.start();
      disk.start();
      backup.start();
      retention.start();
      shiftReports.start();
    },
    async stop() {
      alerts.stop();
      shiftReports.stop();
      const polling = poller.stop();
      await disk.stop();
      await backup.stop();
      await retention.stop();
      await polling;
    },
  };
}
