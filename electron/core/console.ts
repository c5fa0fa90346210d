import { EventEmitter } from 'node:events';
import type { Server } from 'node:http';
import { networkInterfaces, userInfo } from 'node:os';
import type { ConsoleEvent } from '../../shared/api/contract';
import type { ConsoleHandlers } from '../../shared/api/dispatch';
import { fail, ok } from '../../shared/api/result';
import type { MachineView } from '../../shared/api/views';
import { AlertRepo } from './alerts/alert-repo';
import { wantedAlerts } from './alerts/alert-rules';
import { AlertTracker } from './alerts/alert-tracker';
import type { CoreContext } from './api/context';
import { machineHandlers } from './api/machine-handlers';
import { recordHandlers } from './api/record-handlers';
import { Outbox } from './commands/outbox';
import type { ConsoleConfig } from './config/schema';
import type { Settings } from './config/settings';
import { settingsHandlers } from './config/settings-api';
import { UNKNOWN_MACHINE_ID } from './domain/machine-match';
import { reconciledMessage, RECONCILED_TYPE } from './domain/reconciliation';
import { Feeds, FEED_TOPICS } from './feeds/feeds';
import { AidaSource } from './ingest/aida-source';
import { IngestQueue } from './ingest/ingest-queue';
import { rebuildIfStale } from './ingest/projector';
import { keepingJobMetadata } from './ingest/job-metadata';
import type { Changes } from './ingest/source';
import { MachinePoller } from './machines/poller';
import { MachineRegistry } from './machines/registry';
import { ReviewService } from './reviews/review-service';
import type { AidaSimulator } from './simulator/aida-simulator';
import { TrainingFloor } from './simulator/training';
import { CommandRepo, toView } from './store/command-repo';
import { openDatabase, startCheckpoints, type Db } from './store/database';
import { DeliveryRepo } from './store/delivery-repo';
import { jobView, machineView } from './views';
import { AIDA_WEBHOOK_PATH, boundPort, createWebhookApp, listen } from './webhooks/listener';
import { listenTls } from './webhooks/tls';

export { TRAINING_MACHINE_ID } from './simulator/training';
const ALERT_TICK_MS = 1000;
const CHECKPOINT_MS = 200;

export interface ConsoleOptions {
  /** better-sqlite3 build for this runtime; the Electron shell passes its own. */
  nativeBinding?: string;
  log?: (line: string) => void;
  /** Overrides the clock (tests). */
  now?: () => Date;
  /** The config files behind `config`, for the settings screen; absent when the console was built from a config alone. */
  settings?: Settings;
  /** Overrides the outbox's retry and reconciliation delays (tests). */
  outboxTiming?: { retryDelaysMs?: readonly number[]; reconcileDelayMs?: number };
}

export interface RunningConsole {
  readonly config: ConsoleConfig;
  readonly mode: 'training' | 'live';
  /** Where machines should post (a LAN address when listening on all interfaces). */
  readonly webhookUrl: string;
  readonly handlers: ConsoleHandlers;
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

function lanAddress(): string | undefined {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return undefined;
}

function webhookUrlFor(host: string, port: number, audience: 'public' | 'loopback'): string {
  const any = host === '0.0.0.0' || host === '::';
  const shown = any ? (audience === 'public' ? (lanAddress() ?? '127.0.0.1') : '127.0.0.1') : host;
  return `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}${AIDA_WEBHOOK_PATH}`;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}

/**
 * Every API call first folds what was acknowledged but not yet projected: what the UI reads always includes every
 * message the machines were told was received.
 */
function projectedFirst(ingest: IngestQueue, handlers: ConsoleHandlers): ConsoleHandlers {
  const wrapped: Record<string, (params: never) => unknown> = {};
  for (const [name, handler] of Object.entries(handlers) as [string, (params: never) => unknown][]) {
    wrapped[name] = (params) => {
      ingest.projectPending();
      return handler(params);
    };
  }
  return wrapped as unknown as ConsoleHandlers;
}

/** The composition root: creates every part of the console from a validated configuration and starts it. */
export async function startConsole(config: ConsoleConfig, options: ConsoleOptions = {}): Promise<RunningConsole> {
  const log = options.log ?? (() => {});
  const now = options.now ?? (() => new Date());
  const db: Db = openDatabase({
    dataDir: config.dataDir,
    durability: config.durability,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  const emitter = new EventEmitter();
  const emit = (event: ConsoleEvent) => emitter.emit('event', event);
  const actor = `${userInfo().username}@${config.station}`;

  let registry = new MachineRegistry(config.machines);
  const aida = new AidaSource(db, () => registry.configured());
  const feeds = new Feeds(db, { rapidadmin: config.rapidadmin, idv: config.idv, actor, emit: (topics) => emit({ type: 'feeds', topics }) });
  const sources = [keepingJobMetadata(aida, feeds.idv.repo), feeds.rapidadmin, feeds.idv];
  const ingest = new IngestQueue(db, sources, (changes) => announce(changes), log, config.durability === 'power-cut' ? 'FULL' : 'NORMAL');
  const replayed = rebuildIfStale(db, sources, log);
  if (replayed) log(`projections brought up to date with ${replayed} logged events`);

  const commands = new CommandRepo(db);
  const deliveries = new DeliveryRepo(db);
  const alertTracker = new AlertTracker(new AlertRepo(db), (id) => registry.get(id).label);
  const outbox = new Outbox({
    db,
    repo: commands,
    reviews: aida.reviews,
    client: (id) => (registry.has(id) ? registry.get(id).client : undefined),
    announce: (c) => {
      emit({ type: 'commands', commands: [toView(c)] });
      if (c.reviewId !== undefined) emit({ type: 'reviews', queue: reviews.queue() });
    },
    now,
    log,
    ...options.outboxTiming,
  });
  const reviews = new ReviewService({
    reviews: aida.reviews,
    jobs: aida.jobs,
    commands,
    outbox,
    registry: () => registry,
    settings: config.review,
    encoder: config.encoder,
    now,
    log,
  });
  const poller = new MachinePoller({
    registry: () => registry,
    intervalMs: config.watchdog.pollSeconds * 1000,
    reconcile: (machineId, reconciliation) =>
      ingest.record('aida', { type: RECONCILED_TYPE, subject: machineId, message: reconciledMessage(reconciliation) }, now().toISOString()),
    currentSeq: () => (db.prepare('SELECT coalesce(max(seq), 0) AS seq FROM events').get() as { seq: number }).seq,
    changed: () => {
      const machines = machineViews();
      emit({ type: 'machines', machines });
      syncAlerts(machines);
    },
    now,
  });

  const unknownMachineSeen = db.prepare('SELECT 1 FROM machine_state WHERE machine_id = ?');
  function machineViews(): MachineView[] {
    const ids = registry.configured().map((m) => m.id);
    if (unknownMachineSeen.get(UNKNOWN_MACHINE_ID)) ids.push(UNKNOWN_MACHINE_ID);
    return ids.map((id) => {
      const health = poller.healthOf(id);
      return {
        ...machineView(registry.get(id), aida.machines.get(id)),
        ...(health.reachable !== undefined ? { apiReachable: health.reachable } : {}),
        ...(health.lastPolledAt ? { lastPolledAt: health.lastPolledAt } : {}),
        ...(health.metrics ? { metrics: health.metrics } : {}),
      };
    });
  }

  function syncAlerts(machines: MachineView[] = machineViews()): void {
    const t = now().getTime();
    const waitingEncoders = aida.reviews
      .unanswered()
      .filter((r) => r.kind === 'encoder' && r.state === 'pending' && t - Date.parse(r.opened_at) > config.encoder.waitAlertSeconds * 1000)
      .map((r) => ({ machineId: r.machine_id, reviewId: r.id, since: r.opened_at }));
    const wanted = wantedAlerts({
      machines,
      now: t,
      silenceMs: config.watchdog.silenceSeconds * 1000,
      unreachable: poller.unreachable(),
      waitingEncoders,
    });
    if (alertTracker.sync(wanted, machines, now().toISOString())) emit({ type: 'alerts', active: alertTracker.active() });
  }

  function announce(changes: Changes): void {
    const machines = changes.machines.size > 0 ? machineViews() : undefined;
    if (machines) emit({ type: 'machines', machines });
    // The UI takes this as "these rows changed" and reads its pages again (decorated then): no per-job lookups here.
    if (changes.jobs.size > 0) emit({ type: 'jobs', jobs: [...changes.jobs.values()].map(jobView) });
    const feedTopics = FEED_TOPICS.filter((t) => changes.topics.has(t));
    if (feedTopics.length > 0) emit({ type: 'feeds', topics: feedTopics });
    if (changes.topics.has('reviews')) {
      outbox.reviewsChanged();
      emit({ type: 'reviews', queue: reviews.queue() });
      void reviews.decideAutomatically().catch((err: unknown) => log(`automatic decision failed: ${(err as Error).message}`));
    }
    if (changes.topics.has('deliveries')) emit({ type: 'deliveries', rejectedTotal: deliveries.rejectedTotal() });
    if (machines || changes.topics.has('reviews')) syncAlerts(machines);
  }

  const protection = { allowFrom: config.webhookAllowFrom, token: config.webhookToken };
  const webhookApp = createWebhookApp(ingest, log, feeds.routes(), protection);
  // TLS first: an unreadable certificate stops the start before anything listens.
  const tlsServer = config.webhookTls ? await listenTls(webhookApp, config.webhookHost, config.webhookTls) : undefined;
  const webhookServer = await listen(webhookApp, config.webhookHost, config.webhookPort);
  const webhookPort = boundPort(webhookServer);
  const httpOrigin = new URL(webhookUrlFor(config.webhookHost, webhookPort, 'public')).origin;
  const httpsOrigin = tlsServer ? Object.assign(new URL(httpOrigin), { protocol: 'https:', port: String(boundPort(tlsServer)) }).origin : undefined;
  feeds.setOrigins(httpsOrigin ? [httpOrigin, httpsOrigin] : [httpOrigin]);

  const training = config.training
    ? await TrainingFloor.open({
        settings: config.training,
        webhookUrl: webhookUrlFor(config.webhookHost, webhookPort, 'loopback'),
        dataDir: config.dataDir,
        log,
      })
    : undefined;
  const simulator = training?.simulators[0];
  if (training) {
    registry = new MachineRegistry(training.machineConfigs());
    training.onChange(({ kinds }) => {
      // A scenario that plays a desktop system changes what the console may offer (no Resume after a card jam).
      if (kinds) {
        registry = new MachineRegistry(training.machineConfigs());
        emit({ type: 'machines', machines: machineViews() });
      }
      emit({ type: 'training', training: training.view() });
    });
  }

  const ctx: CoreContext = {
    config,
    actor,
    registry: () => registry,
    aida,
    commands,
    deliveries,
    outbox,
    reviews,
    alerts: alertTracker,
    poller,
    machineViews,
    emit,
    now,
  };

  const machine = machineHandlers(ctx);
  const handlers = projectedFirst(ingest, {
    ...machine,
    ...feeds.decorating(machine),
    ...feeds.handlers(),
    ...recordHandlers(ctx),
    ...settingsHandlers(options.settings, emit),
    getSnapshot: async () =>
      ok({
        mode: config.training ? 'training' : 'live',
        station: config.station,
        webhookUrl: webhookUrlFor(config.webhookHost, webhookPort, 'public'),
        machines: machineViews(),
        commands: commands.recent().map(toView),
        reviews: reviews.queue(),
        alerts: alertTracker.active(),
        rejectedTotal: deliveries.rejectedTotal(),
        pinRequired: config.review.supervisorPin !== undefined,
        confidenceThreshold: config.review.confidenceThreshold,
        ...(training ? { training: training.view() } : {}),
      }),
    trainingAction: async (action) =>
      training ? training.act(action) : fail('not-allowed', 'training actions exist only in training mode'),
  });

  outbox.resume();
  poller.start();
  const stopCheckpoints = startCheckpoints(db, CHECKPOINT_MS, log);
  const alertTimer = setInterval(() => syncAlerts(), ALERT_TICK_MS);
  syncAlerts();

  return {
    config,
    mode: config.training ? 'training' : 'live',
    webhookUrl: webhookUrlFor(config.webhookHost, webhookPort, 'public'),
    handlers,
    simulator,
    training,
    pollMachines: () => poller.pollAll(),
    onEvent(listener) {
      emitter.on('event', listener);
      return () => emitter.off('event', listener);
    },
    async stop() {
      clearInterval(alertTimer);
      await poller.stop();
      await training?.stop();
      await closeServer(webhookServer);
      if (tlsServer) await closeServer(tlsServer);
      ingest.close();
      await outbox.stop();
      stopCheckpoints();
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  };
}
