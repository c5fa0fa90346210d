import { EventEmitter } from 'node:events';
import type { Server } from 'node:http';
import { networkInterfaces, userInfo } from 'node:os';
import type { ConsoleEvent } from '../../shared/api/contract';
import type { ConsoleHandlers } from '../../shared/api/dispatch';
import { fail, ok } from '../../shared/api/result';
import type { MachineView } from '../../shared/api/views';
import { CommandRunner } from './commands/command-runner';
import type { ConsoleConfig } from './config/schema';
import { UNKNOWN_MACHINE_ID } from './domain/machine-match';
import { IngestQueue } from './ingest/ingest-queue';
import { AidaSource } from './ingest/aida-source';
import { rebuildIfStale } from './ingest/projector';
import type { Changes } from './ingest/source';
import { MachineRegistry } from './machines/registry';
import { AidaSimulator } from './simulator/aida-simulator';
import { CommandRepo } from './store/command-repo';
import { openDatabase, type Db } from './store/database';
import { jobView, machineView } from './views';
import { AIDA_WEBHOOK_PATH, boundPort, createWebhookApp, listen } from './webhooks/listener';

export const TRAINING_MACHINE_ID = 'training';

export interface ConsoleOptions {
  /** better-sqlite3 build for this runtime; the Electron shell passes its own. */
  nativeBinding?: string;
  log?: (line: string) => void;
}

export interface RunningConsole {
  readonly config: ConsoleConfig;
  readonly mode: 'training' | 'live';
  /** Where machines should post (a LAN address when listening on all interfaces). */
  readonly webhookUrl: string;
  readonly handlers: ConsoleHandlers;
  readonly simulator: AidaSimulator | undefined;
  onEvent(listener: (event: ConsoleEvent) => void): () => void;
  /** Stops taking webhooks, answers those in flight, then closes the database. */
  stop(): Promise<void>;
}

function lanAddress(): string | undefined {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return undefined;
}

function publicWebhookUrl(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? (lanAddress() ?? '127.0.0.1') : host;
  return `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}${AIDA_WEBHOOK_PATH}`;
}

function loopbackWebhookUrl(host: string, port: number): string {
  const local = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${local.includes(':') ? `[${local}]` : local}:${port}${AIDA_WEBHOOK_PATH}`;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}

/** The composition root: creates every part of the console from a validated configuration and starts it. */
export async function startConsole(config: ConsoleConfig, options: ConsoleOptions = {}): Promise<RunningConsole> {
  const log = options.log ?? (() => {});
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
  const sources = [aida];
  const ingest = new IngestQueue(db, sources, (changes) => announce(changes), log);
  const replayed = rebuildIfStale(db, sources);
  if (replayed) log(`job and machine projections rebuilt from ${replayed} events`);

  const machineViews = (): MachineView[] => {
    const ids = registry.configured().map((m) => m.id);
    const unknown = db.prepare('SELECT 1 FROM machine_state WHERE machine_id = ?').get(UNKNOWN_MACHINE_ID);
    if (unknown) ids.push(UNKNOWN_MACHINE_ID);
    return ids.map((id) => machineView(registry.get(id), aida.machines.get(id)));
  };

  function announce(changes: Changes): void {
    if (changes.machines.size > 0) emit({ type: 'machines', machines: machineViews() });
    if (changes.jobs.size > 0) emit({ type: 'jobs', jobs: [...changes.jobs.values()].map(jobView) });
  }

  const commandRepo = new CommandRepo(db);
  const commands = new CommandRunner(commandRepo, (command) => emit({ type: 'commands', commands: [command] }));

  const webhookServer = await listen(createWebhookApp(ingest, log), config.webhookHost, config.webhookPort);
  const webhookPort = boundPort(webhookServer);

  let simulator: AidaSimulator | undefined;
  if (config.training) {
    simulator = new AidaSimulator({
      webhookUrl: loopbackWebhookUrl(config.webhookHost, webhookPort),
      ...config.training,
      log,
    });
    const simulatorUrl = await simulator.start();
    registry = new MachineRegistry([
      { id: TRAINING_MACHINE_ID, label: 'Training machine (simulator)', apiUrl: simulatorUrl, kind: 'box' },
    ]);
    const sim = simulator;
    sim.onChange(() => emit({ type: 'training', training: { machineId: TRAINING_MACHINE_ID, cardsInFeeder: sim.cardsInFeeder } }));
  }

  const actionable = (machineId: string) => {
    const machine = registry.get(machineId);
    return registry.has(machineId) && machine.client ? machine.client : undefined;
  };
  const notActionable = (machineId: string) =>
    fail('not-allowed', `machine "${machineId}" is not configured: the console cannot act on it`);

  const handlers: ConsoleHandlers = {
    getSnapshot: async () =>
      ok({
        mode: config.training ? 'training' : 'live',
        station: config.station,
        webhookUrl: publicWebhookUrl(config.webhookHost, webhookPort),
        machines: machineViews(),
        commands: commandRepo.recent(),
        ...(simulator ? { training: { machineId: TRAINING_MACHINE_ID, cardsInFeeder: simulator.cardsInFeeder } } : {}),
      }),
    listJobs: async (query) => {
      const page = aida.jobs.query(query);
      return ok({ ...page, rows: page.rows.map(jobView) });
    },
    resume: async ({ machineId }) => {
      const client = actionable(machineId);
      if (!client) return notActionable(machineId);
      return ok(await commands.run(client, { machineId, kind: 'resume', payload: {}, actor, send: (c) => c.resume() }));
    },
    stop: async ({ machineId }) => {
      const client = actionable(machineId);
      if (!client) return notActionable(machineId);
      return ok(await commands.run(client, { machineId, kind: 'stop', payload: { abort: false }, actor, send: (c) => c.stop(false) }));
    },
    startIssuance: async ({ machineId, ...params }) => {
      const client = actionable(machineId);
      if (!client) return notActionable(machineId);
      return ok(await commands.run(client, { machineId, kind: 'start', payload: params, actor, send: (c) => c.start(params) }));
    },
    loadTrainingCards: async ({ count }) => {
      if (!simulator) return fail('not-allowed', 'cards can be loaded only in training mode');
      return ok({ machineId: TRAINING_MACHINE_ID, cardsInFeeder: simulator.loadCards(count) });
    },
  };

  return {
    config,
    mode: config.training ? 'training' : 'live',
    webhookUrl: publicWebhookUrl(config.webhookHost, webhookPort),
    handlers,
    simulator,
    onEvent(listener) {
      emitter.on('event', listener);
      return () => emitter.off('event', listener);
    },
    async stop() {
      await simulator?.stop();
      await closeServer(webhookServer);
      ingest.flush();
      db.close();
    },
  };
}
