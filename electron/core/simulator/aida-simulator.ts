import { fail, ok, type Result } from '../../../shared/api/result';
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { MachineKind } from '../../../shared/api/views';
import { boundPort, listen } from '../webhooks/listener';
import { TokenIssuer, type Credentials } from './auth';
import { Counters } from './counters';
import { IdSource } from './ids';
import type { SimulatedMachine, WebhookBody } from './messages';
import { cartridgeLow, SessionLedger } from './machine-health';
import { Pacer } from './pacer';
import type { SimulatedApiVersion } from './dto';
import { createRestApi, type RecordedCall } from './rest-api';
import { WorkflowScheduler, type SchedulerStatus } from './scheduler';
import { DEFAULT_SCENARIO, scenarioById, type Scenario } from './scenarios';
import { WebhookPoster, type DeliveryOutcome } from './webhook-poster';
import type { PhysicalWorld } from './world';

export interface SimulatorOptions {
  /** Where the machine posts its webhooks: the console's listener. */
  webhookUrl: string;
  /** Cards in an issuance run when the start request names no `stopAfter`. */
  cardsPerBatch: number;
  /** Cards in the feeder in the feeder-empty scenario: it runs empty after that many. */
  feederCapacity: number;
  /** Machine time one card takes through the laser; the other activities are fractions of it. */
  cardIntervalMs: number;
  /** Divides every machine-time duration: 10 runs ten times as fast. Default 1. */
  speed?: number;
  scenario?: string;
  machine?: SimulatedMachine;
  /** Same seed, same ids in the same order. Without one (and without `stateFile`) each run draws its own. */
  seed?: string;
  /** Keeps job and message numbering across restarts, so a console never sees an id twice. */
  stateFile?: string;
  /** With credentials, every endpoint but auth/token requires a Bearer token (box systems). */
  credentials?: Credentials;
  /** The published API the machine plays; default 1.6 (machine/status, job-instances/suspended). */
  apiVersion?: SimulatedApiVersion;
  /**
   * Another machine's MessageIds, oldest first: this machine's n-th message carries the other's n-th MessageId (while
   * the other has sent that many), as two machines whose message numbering collides would.
   */
  reuseMessageIdsOf?: AidaSimulator;
  tokenTtlMs?: number;
  /** Real milliseconds the machine waits for the console's answer to a webhook. Default 5000. */
  ackTimeoutMs?: number;
  maxConnectionRetries?: number;
  now?: () => number;
  log?: (line: string) => void;
}

const DEFAULT_MACHINE: SimulatedMachine = { machineName: 'AIDA-SIM', machineSerial: 'SIM-0001', hostName: 'aida-simulator' };

const SIGNAL_PATH = '/aida/v1/workflow-scheduler/workflows/signal/external-process-completed';

/** A long training shift must not grow memory without bound. */
const KEEP_IDS = 10_000;

/**
 * Plays an IXLA AIDA machine on loopback for training mode and the tests: serves the REST API the console calls and
 * posts the webhooks seed 000 describes, one at a time and in order, as the machine does. What happens is scripted
 * by the chosen scenario; what a person does at the machine (load cards, close the cover, clear a jam) are methods.
 */
export class AidaSimulator {
  /** Every request the console made, oldest first. */
  readonly calls: RecordedCall[] = [];
  readonly identity: SimulatedMachine;
  private server: Server | undefined;
  private readonly world: PhysicalWorld;
  private current: Scenario;
  private readonly poster: WebhookPoster;
  private readonly scheduler: WorkflowScheduler;
  private readonly issuer: TokenIssuer;
  private readonly listeners = new Set<() => void>();
  private readonly now: () => number;
  /** The MessageIds of the latest webhooks posted, oldest first (capped), and how many were posted in all. */
  private readonly sentIds: string[] = [];
  private sentCount = 0;
  private readonly sessions = new SessionLedger();

  constructor(private readonly options: SimulatorOptions) {
    this.identity = options.machine ?? DEFAULT_MACHINE;
    this.now = options.now ?? Date.now;
    const log = options.log ?? (() => {});
    const scenario = scenarioById(options.scenario ?? DEFAULT_SCENARIO);
    if (!scenario) throw new Error(`unknown training scenario "${options.scenario}"`);
    this.current = scenario;
    this.world = { cardsInFeeder: scenario.feeder(options), coverOpen: false, jammed: false, cartridgeFrom: 0 };
    // Uniqueness across runs comes from the state file's counters, or else from a seed of this run's own.
    const seed = options.seed ?? (options.stateFile ? this.identity.machineSerial : randomUUID());
    const ids = new IdSource(seed, new Counters(options.stateFile, log));
    const pacer = new Pacer(options.speed ?? 1);
    this.poster = new WebhookPoster({
      url: options.webhookUrl,
      ackTimeoutMs: options.ackTimeoutMs ?? 5000,
      maxConnectionRetries: options.maxConnectionRetries ?? 3,
      retryDelayMs: 1000,
      pacer,
      log,
      loses: (body) => this.loses(body),
    });
    this.scheduler = new WorkflowScheduler({
      machine: this.identity,
      ids,
      world: this.world,
      poster: this.poster,
      pacer,
      cardIntervalMs: options.cardIntervalMs,
      defaultBatch: options.cardsPerBatch,
      scenario: () => this.current,
      callbackUrl: () => `${this.url}${SIGNAL_PATH}`,
      messageId: () => {
        // The machine's own id is always drawn, so that reusing another's leaves the rest of its sequence unchanged.
        const own = ids.hex('message');
        const id = options.reuseMessageIdsOf?.messageIdAt(this.sentCount) ?? own;
        this.sentCount += 1;
        this.sentIds.push(id);
        if (this.sentIds.length > KEEP_IDS) this.sentIds.shift();
        return id;
      },
      now: this.now,
      log,
      changed: () => this.changed(),
    });
    this.issuer = new TokenIssuer(options.credentials, ids, `${seed}:signing-key`, options.tokenTtlMs ?? 3_600_000, this.now);
  }

  get url(): string {
    if (!this.server) throw new Error('simulator not started');
    return `http://127.0.0.1:${boundPort(this.server)}`;
  }

  get cardsInFeeder(): number {
    return this.world.cardsInFeeder;
  }

  get physical(): Readonly<PhysicalWorld> {
    return this.world;
  }

  get schedulerStatus(): SchedulerStatus {
    return this.scheduler.status;
  }

  get scenario(): Scenario {
    return this.current;
  }

  get kind(): MachineKind {
    return this.current.kind;
  }

  /** The MessageId of the n-th webhook this machine posted (0-based), while it is still remembered. */
  messageIdAt(n: number): string | undefined {
    return this.sentIds[n - (this.sentCount - this.sentIds.length)];
  }

  /** Every webhook posted, oldest first, with what became of it. */
  get webhooks(): readonly { body: WebhookBody; outcome: DeliveryOutcome }[] {
    return this.poster.delivered;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async start(): Promise<string> {
    const app = createRestApi({
      scheduler: this.scheduler,
      issuer: this.issuer,
      kind: () => this.current.kind,
      version: this.options.apiVersion ?? '1.6',
      machine: this.identity,
      world: this.world,
      calls: this.calls,
      sessions: this.sessions,
      now: this.now,
    });
    this.server = await listen(app, '127.0.0.1', 0);
    return this.url;
  }

  async stop(): Promise<void> {
    this.scheduler.close();
    this.poster.close();
    await this.poster.whenIdle();
    const server = this.server;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  /**
   * Resolves when the machine waits for the outside world (a signal, Resume, Stop, Start, the trainee) and every
   * webhook it posted has been answered: the point where a test looks at what was sent.
   */
  settled(): Promise<void> {
    return this.scheduler.settled();
  }

  /** The trainee puts cards in the input feeder. The machine notices on the next Resume, as a real one does. */
  loadCards(count: number): number {
    this.world.cardsInFeeder += count;
    this.changed();
    return this.world.cardsInFeeder;
  }

  /** The trainee closes the cover that was opened. */
  closeCover(): void {
    this.world.coverOpen = false;
    this.changed();
  }

  /** The trainee takes the jammed card out of the transport. */
  clearJam(): void {
    this.world.jammed = false;
    this.changed();
  }

  /** The trainee fits a new print cartridge: it reads low again only after CARTRIDGE_LOW_AFTER more cards. */
  changeCartridge(): void {
    this.world.cartridgeFrom = this.scheduler.cardsThrough();
    this.changed();
  }

  /** The print cartridge reads low (the machine says so in its system status, before it runs out). */
  get cartridgeLow(): boolean {
    return cartridgeLow(this.scheduler, this.world);
  }

  /** Sets up the next exercise: the scenario's machine, a feeder loaded for it, the cover closed, no jam (the cartridge stays). */
  selectScenario(id: string): Result<void> {
    const scenario = scenarioById(id);
    if (!scenario) return fail('not-found', `unknown training scenario "${id}"`);
    if (this.scheduler.status !== 'Stopped') return fail('not-allowed', 'stop issuance before choosing another scenario');
    this.current = scenario;
    Object.assign(this.world, { cardsInFeeder: scenario.feeder(this.options), coverOpen: false, jammed: false });
    this.changed();
    return ok(undefined);
  }

  /** Every token issued so far stops working: the console must get a new one on its next 401. */
  expireTokens(): void {
    this.issuer.expireAll();
  }

  /**
   * Whether the network loses this message on its way (the scenario's card whose WorkflowCompleted never arrives): the
   * machine counts the job in its session, the console never hears of it.
   */
  private loses(body: WebhookBody): boolean {
    const card = this.current.losesCompletionOfCard;
    if (card === undefined || body.messageType !== 'WorkflowCompleted') return false;
    const correlation = body['correlationId'];
    return typeof correlation === 'string' && correlation.endsWith(`-${String(card).padStart(4, '0')}`);
  }

  private changed(): void {
    // Sessions open and close with the scheduler's start and stop, each of which reports a change.
    this.sessions.sync(this.scheduler, this.now());
    for (const l of this.listeners) l();
  }
}
