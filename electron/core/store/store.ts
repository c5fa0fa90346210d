import { AccountRepo } from './account-repo';
import { ActivityRepo } from './activity-repo';
import { AlertRepo } from './alert-repo';
import { AlertShelfRepo } from './alert-shelf-repo';
import { ArchiveStore } from './archive-store';
import { BackupRepo } from './backup-repo';
import { AuditRepo } from './audit-repo';
import { CommandRepo } from './command-repo';
import { openDatabase, startCheckpoints, type Db, type OpenOptions } from './database';
import { DeliveryRepo } from './delivery-repo';
import { EventLog } from './event-log';
import { FeedAlertRepo } from './feed-alert-repo';
import { IdvRepo } from './idv-repo';
import { JobOutcomeCounts } from './job-outcome-counts';
import { JobRepo } from './job-repo';
import { MachineRepo } from './machine-repo';
import { PinRefusalRepo } from './pin-refusal-repo';
import { ProjectionState } from './projection-state';
import { RapidadminRepo } from './rapidadmin-repo';
import { DEFAULT_REFUSED_RETENTION, RefusedDeliveries, type RefusedRetention } from './refused-deliveries';
import { ReviewRepo } from './review-repo';
import { DowntimeRepo } from './downtime-repo';
import { ProductionRepo } from './production-repo';
import { ShiftReportRepo } from './shift-report-repo';
import { SnapshotRepo } from './snapshot-repo';

const CHECKPOINT_MS = 200;

/**
 * The console's one database and one instance of each repository over it. Everything that reads or writes SQL is
 * here; services are given the repositories they need and never a connection.
 */
export class Store {
  readonly refused: RefusedDeliveries;
  readonly log: EventLog;
  readonly projection: ProjectionState;
  readonly deliveries: DeliveryRepo;
  readonly jobs: JobRepo;
  readonly machines: MachineRepo;
  readonly reviews: ReviewRepo;
  readonly commands: CommandRepo;
  readonly alerts: AlertRepo;
  readonly alertShelves: AlertShelfRepo;
  readonly activity: ActivityRepo;
  readonly feedAlerts: FeedAlertRepo;
  readonly verifications: IdvRepo;
  readonly rapidadmin: RapidadminRepo;
  readonly pinRefusals: PinRefusalRepo;
  /** Retention: what leaves the live file for the year's archive, personal data's expiry, the store's size. */
  readonly archive: ArchiveStore;
  readonly backups: BackupRepo;
  readonly accounts: AccountRepo;
  readonly audit: AuditRepo;
  readonly production: ProductionRepo;
  readonly downtime: DowntimeRepo;
  readonly shiftReports: ShiftReportRepo;
  /** The console's counts of ended jobs over a time range, beside the machine's own (issue 15). */
  readonly jobOutcomes: JobOutcomeCounts;
  /** The camera's pictures kept beside OCR reviews (review.keepSnapshots). */
  readonly snapshots: SnapshotRepo;
  private readonly relaxSync;
  private readonly restoreSync;
  private stopCheckpoints: (() => void) | undefined;

  constructor(
    private readonly db: Db,
    refused: RefusedRetention = DEFAULT_REFUSED_RETENTION,
  ) {
    this.refused = new RefusedDeliveries(db, refused);
    this.log = new EventLog(db, this.refused);
    this.projection = new ProjectionState(db);
    this.deliveries = new DeliveryRepo(db, this.refused);
    this.jobs = new JobRepo(db);
    this.machines = new MachineRepo(db);
    this.reviews = new ReviewRepo(db);
    this.commands = new CommandRepo(db);
    this.alerts = new AlertRepo(db);
    this.alertShelves = new AlertShelfRepo(db);
    this.activity = new ActivityRepo(db);
    this.feedAlerts = new FeedAlertRepo(db);
    this.verifications = new IdvRepo(db);
    this.rapidadmin = new RapidadminRepo(db);
    this.pinRefusals = new PinRefusalRepo(db);
    this.archive = new ArchiveStore(db);
    this.backups = new BackupRepo(db);
    this.accounts = new AccountRepo(db);
    this.audit = new AuditRepo(db);
    this.production = new ProductionRepo(db);
    this.downtime = new DowntimeRepo(db);
    this.shiftReports = new ShiftReportRepo(db);
    this.jobOutcomes = new JobOutcomeCounts(db);
    this.snapshots = new SnapshotRepo(db);
    const synchronous = String(db.pragma('synchronous', { simple: true })) === '2' ? 'FULL' : 'NORMAL';
    this.relaxSync = db.prepare('PRAGMA synchronous = NORMAL');
    this.restoreSync = db.prepare(`PRAGMA synchronous = ${synchronous}`);
  }

  /** `refused`: how many refused deliveries, and how many of their bytes, the log keeps (the oldest are pruned). */
  static open(options: OpenOptions & { refused?: RefusedRetention | undefined }): Store {
    const { refused, ...open } = options;
    return new Store(openDatabase(open), refused);
  }

  /** Runs `work` in one transaction; nested, in a savepoint that rolls back alone. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  /**
   * Runs `work` with commits that skip the fsync: for writes the log can rebuild (projections), never for the log's
   * own commits, which acknowledge webhooks.
   */
  withoutFsync<T>(work: () => T): T {
    this.relaxSync.run();
    try {
      return work();
    } finally {
      this.restoreSync.run();
    }
  }

  /** Copies the WAL back into the database on a timer, between commits (never inside one that holds acknowledgements). */
  startCheckpoints(log: (line: string) => void): void {
    this.stopCheckpoints = startCheckpoints(this.db, CHECKPOINT_MS, log);
  }

  close(): void {
    this.stopCheckpoints?.();
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.close();
  }
}
