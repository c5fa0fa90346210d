import { userInfo } from 'node:os';
import type { ConsoleEvent } from '../../shared/api/contract';
import type { JobView } from '../../shared/api/views';
import { AuditExporter } from './api/audit-export';
import { consoleHandlers } from './api/console-handlers';
import type { DiskCheck } from './alerts/disk-space';
import { newBackupPath } from './backup/backup-files';
import type { BackupTiming } from './backup/backup-service';
import type { ConsoleConfig } from './config/schema';
import { languageSetting, settingValue } from './config/setting-value';
import type { Settings } from './config/settings';
import { announcer, rebuildAnnouncer } from './events/announcer';
import { ConsoleEvents } from './events/console-events';
import { Feeds } from './feeds/feeds';
import { IngestQueue } from './ingest/ingest-queue';
import { Projections } from './ingest/projections';
import type { Changes } from './ingest/source';
import { webhookSources } from './ingest/webhook-sources';
import { Fleet } from './machines/fleet';
import type { CoreHandlers } from './people/caller';
import { openPeople } from './people/open-people';
import type { People } from './people/people';
import { createServices } from './services';
import type { AidaSimulator } from './simulator/aida-simulator';
import type { TrainingFloor } from './simulator/training';
import { openTrainingMode } from './simulator/training-mode';
import { openArchives } from './store/archive-reader';
import type { BackupCheck } from './store/backup-worker';
import { Store } from './store/store';
import { createWebhookApp } from './webhooks/listener';
import { openWebhookListeners } from './webhooks/listeners';

export { TRAINING_MACHINE_ID } from './simulator/training';

export interface ConsoleOptions {
  /** better-sqlite3 build for this runtime; the Electron shell passes its own. */
  nativeBinding?: string;
  log?: (line: string) => void;
  /** Overrides the clock (tests). */
  now?: () => Date;
  /** The config files behind `config`, for the settings screen; absent when the console was built from a config alone. */
  settings?: Settings;
  /** Overrides the outbox's retry and reconciliation delays, and the check after an accepted Resume (tests). */
  outboxTiming?: { retryDelaysMs?: readonly number[]; reconcileDelayMs?: number; resumeCheckMs?: number };
  /** Awaited between the pages of a rebuild of the projections (tests hold one halfway). */
  betweenRebuildPages?: () => Promise<void>;
  /** Overrides how the data volume's free space is read, and how often (tests play a disk filling up). */
  disk?: { check?: DiskCheck; everyMs?: number };
  /** Overrides the backups' timing and integrity check (tests play a day passing, or a corrupted copy). */
  backup?: BackupTiming & { check?: (file: string) => Promise<BackupCheck | undefined> };
  /** Overrides retention's timing and batch size (tests archive while webhooks arrive). */
  retention?: { everyMs?: number; batchJobs?: number; restMs?: number };
}

export interface RunningConsole {
  readonly config: ConsoleConfig;
  readonly mode: 'training' | 'live';
  /** Where machines should post (a LAN address when listening on all interfaces). */
  readonly webhookUrl: string;
  /** Every ConsoleApi method, each given its caller: transports get the caller from `people`, never from the page. */
  readonly handlers: CoreHandlers;
  /** The audit trails as CSV streams: each transport's `exportAudit`/`exportAuditEvents` sends one where its UI can take it. */
  readonly auditExport: AuditExporter;
  /**
   * The sessions a transport opens (one per window or browser) and the caller of each call on them (StationSessions);
   * also sign-in and step-up, for tests.
   */
  readonly people: People;
  /** The first training machine's simulator (training mode only). */
  readonly simulator: AidaSimulator | undefined;
  /** Every training machine, what the trainee sees of them and does at them (training mode only). */
  readonly training: TrainingFloor | undefined;
  /** Polls every machine's API once now (tests; the console also polls on a timer). */
  pollMachines(): Promise<void>;
  onEvent(listener: (event: ConsoleEvent) => void): () => void;
  /** Stops taking webhooks, answers those in flight, lets commands in flight finish, then closes the database. */
  stop(): Promise<void>;
}

/** The composition root: the store, then the sources, the services and the transports, each built by its own module. */
export async function startConsole(config: ConsoleConfig, options: ConsoleOptions = {}): Promise<RunningConsole> {
  const log = options.log ?? (() => {});
  const now = options.now ?? (() => new Date());
  const osUser = userInfo().username;
  const events = new ConsoleEvents();
  const emit = events.emit;

  // The store: one database, one repository of each kind.
  const { dataDir, durability } = config;
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  // A database of an older schema is copied into backup.dir before its migrations run.
  const beforeMigration = { path: () => newBackupPath(config.backup.dir, now(), 'migration'), at: () => now().toISOString() };
  const store = Store.open({ dataDir, durability, refused: config.refusedDeliveries, beforeMigration, ...binding });

  // The sources: what each webhook route's deliveries become, logged durably before they are acknowledged.
  const fleet = new Fleet(config.machines);
  const { rapidadmin, idv } = config;
  const feeds = new Feeds(store, { rapidadmin, idv, training: config.training !== undefined, emit: (topics) => emit({ type: 'feeds', topics }) });
  const sources = webhookSources(store, fleet, feeds);
  const ingest = new IngestQueue(store, sources, (changes) => announce(changes), log);
  const projections = new Projections(store, sources, ingest, log, options.betweenRebuildPages);

  // The services: commands to machines, reviews, the machines' API, alerts; and what the UI is told of each change.
  const rebuilding = () => projections.rebuilding() !== undefined;
  const live = { keepSnapshots: config.review.keepSnapshots === true };
  const services = createServices({
    ...{ config, store, fleet, ingest, rebuilding, emit, now, log, live },
    ...{ outboxTiming: options.outboxTiming, disk: options.disk, backup: options.backup, nativeBinding: options.nativeBinding },
    retention: options.retention,
  });
  const decorateJobs = (views: JobView[]) => feeds.verifications.decorate(views.map((j) => feeds.prints.decorate(j)));
  const announce: (changes: Changes) => void = announcer({ ...services, emit, deliveries: store.deliveries, jobs: store.jobs, decorateJobs, log });

  // The transports: the webhook listeners, the training floor playing machines on loopback, the ConsoleApi.
  const protection = { allowFrom: config.webhookAllowFrom, token: config.webhookToken, previousToken: config.webhookPreviousToken };
  const listeners = await openWebhookListeners(config, createWebhookApp(ingest, log, feeds.routes(), protection), log);
  feeds.setOrigins(listeners.origins);
  const { machineViews } = services;
  const trainee = { webhookUrl: listeners.loopbackUrl, token: config.webhookToken, dataDir, fleet, emit, log, machineViews };
  const training = config.training ? await openTrainingMode({ settings: config.training, ...trainee }) : undefined;
  const { jobs, commands, deliveries, pinRefusals, audit } = store;
  const context = { config, registry: () => fleet.registry(), jobs, commands, deliveries, pinRefusals, audit, emit, now };
  const opened = openPeople(store.accounts, config, osUser, now, emit, log);
  const { people } = opened;
  // The `language` setting applies at once: each page whose person has no language of their own follows it.
  // So does `review.keepSnapshots`, for the next picture.
  const followLive = events.on((event) => {
    if (event.type !== 'settings') return;
    people.setStationLanguage(languageSetting(event.settings) ?? config.language);
    live.keepSnapshots = settingValue(event.settings, 'review.keepSnapshots') === true;
  });
  const { backup, storage, production, evidence } = services;
  const transports = { webhookUrl: listeners.publicUrl, listenerAlerts: listeners.alerts };
  const handlers = consoleHandlers(
    { ...context, outbox: services.outbox, reviews: services.reviews, alerts: services.alertTracker, machineViews },
    { ingest, projections, feeds, backup, storage, production, evidence, settings: options.settings, training, people, ...transports },
  );
  // Stale projections are rebuilt now, with the listener open: machines keep posting, and nothing waits on a closed port.
  projections.rebuildIfStale(rebuildAnnouncer(emit, announce, () => fleet.registry().configured().map((m) => m.id)));

  services.start();
  store.startCheckpoints(log);
  return {
    config,
    mode: config.training ? 'training' : 'live',
    webhookUrl: listeners.publicUrl,
    handlers,
    auditExport: new AuditExporter({ commands, events: audit, openArchives: () => openArchives(dataDir, options.nativeBinding), now }),
    people,
    simulator: training?.simulators[0],
    training,
    pollMachines: () => services.poller.pollAll(),
    onEvent: (listener) => events.on(listener),
    async stop() {
      opened.stop();
      followLive();
      await projections.stop();
      await services.stop();
      await training?.stop();
      await listeners.close();
      ingest.close();
      await services.outbox.stop();
      store.close();
    },
  };
}
