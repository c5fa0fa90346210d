import type { MachineHealthView } from '../../../shared/api/machine-health';
import type { MachineApi, MachineReport } from '../../../shared/api/views';
import { describeAnswer, isSuccess, type AidaAnswer } from '../aida/aida-answer';
import type { AidaApiFacts, AidaClient } from '../aida/client';
import { answerJson, machineStatus, schedulerError, schedulerStatus, suspendedIds, systemInfo, waitingForResume } from '../aida/answers';
import { metricNumbers, readMachineStatus, readSystemStatus, type MachineStatusRead } from '../aida/health-answers';
import { healthView } from '../domain/machine-health';
import type { Reconciliation } from '../domain/reconciliation';
import type { MachineRegistry, RegisteredMachine } from './registry';

export interface MachineHealth {
  /** Whether the machine answered the last poll at all (refusing the console's credentials is an answer). */
  reachable: boolean | undefined;
  lastPolledAt?: string;
  /** GET …/metrics as the machine reports it (jobsPerHour, running, faulted…), numbers only. */
  metrics?: Record<string, number>;
  /** How the API answered, and what the console found out about it; absent before the first poll. */
  api?: MachineApi;
  /** GET …/state read `status: "Error"`: its error codes and details, as sent, and since when. */
  schedulerError?: { errors: string[]; details?: string; since: string };
  /** AIDA 1.6 GET machine/status, as last read. */
  report?: MachineReport;
  /** GET system/status and AIDA 1.6 GET machine/status in full, with the warnings they carry. */
  health?: MachineHealthView;
}

/** Whether the API answered, refused the console's credentials, or could not be reached; in words when not answering. */
function apiStateOf(state: AidaAnswer, facts: AidaApiFacts): Pick<MachineApi, 'state' | 'detail'> {
  if (state.auth === 'refused') return { state: 'refused', detail: state.error ?? describeAnswer(state) };
  if (state.reach !== 'answered') return { state: 'unreachable', detail: describeAnswer(state) };
  if (state.status !== 401 && state.status !== 403) return { state: 'answers' };
  const http = `HTTP ${state.status}`;
  if (!facts.credentials) return { state: 'refused', detail: `it asks for credentials (${http}) and none are configured for this machine` };
  if (facts.tokenEndpoint === 'absent') return { state: 'refused', detail: `it refuses calls without a token (${http}) and has no token endpoint` };
  return { state: 'refused', detail: `it refuses the console's token (${http})` };
}

export interface PollerDeps {
  registry: () => MachineRegistry;
  intervalMs: number;
  /** After start-up and whenever a machine answers again after being unreachable. */
  reconcile: (machineId: string, reconciliation: Reconciliation) => Promise<void>;
  /** The newest event seq now: a reconciliation only speaks for what was logged before it asked. */
  currentSeq: () => number;
  changed: () => void;
  now?: () => Date;
}

/**
 * Polls each machine's API: whether it answers, its metrics, and — on start-up or when it comes back after being
 * unreachable — what the console may have missed (scheduler state, suspended instances).
 */
export class MachinePoller {
  private readonly health = new Map<string, MachineHealth>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  /** Checks scheduled after an accepted Resume, and those under way. */
  private readonly checks = new Set<ReturnType<typeof setTimeout>>();
  private readonly checking = new Set<Promise<void>>();
  /** The poll of each machine under way: a second one waits for it, so two never interleave. */
  private readonly polling = new Map<string, Promise<void>>();

  constructor(private readonly deps: PollerDeps) {}

  healthOf(machineId: string): MachineHealth {
    return this.health.get(machineId) ?? { reachable: undefined };
  }

  unreachable(): Set<string> {
    return new Set([...this.health].filter(([, h]) => h.reachable === false).map(([id]) => id));
  }

  start(): void {
    const tick = () => {
      this.running = this.pollAll().finally(() => {
        this.running = undefined;
        // A round that ends after stop() schedules no other: the database may be closed by then.
        if (!this.stopped) this.timer = setTimeout(tick, this.deps.intervalMs);
      });
    };
    tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (const t of this.checks) clearTimeout(t);
    this.checks.clear();
    await this.running;
    await Promise.all(this.checking);
  }

  /**
   * After an accepted Resume: reads the machine's state and the work waiting for Resume once `delayMs` has passed,
   * and records what it found. A suspension whose job then completes with no new card is cleared by this check, and
   * only when the waiting work is read as empty (the status alone reads Running during an interlock or a jam).
   */
  checkAfterResume(machineId: string, delayMs: number): void {
    const timer = setTimeout(() => {
      this.checks.delete(timer);
      const check = this.reconcileNow(machineId).finally(() => this.checking.delete(check));
      this.checking.add(check);
    }, delayMs);
    this.checks.add(timer);
  }

  private async reconcileNow(machineId: string): Promise<void> {
    const machine = this.deps.registry().configured().find((m) => m.id === machineId);
    if (!machine?.client) return;
    const asOfSeq = this.deps.currentSeq();
    const state = await machine.client.state();
    if (state.reach !== 'answered' || !isSuccess(state)) return;
    await this.deps.reconcile(machine.id, await this.reconciliationFrom(machine, state, asOfSeq));
  }

  /** One round over every configured machine; exposed so tests need not wait for the timer. */
  async pollAll(): Promise<void> {
    await Promise.all(this.deps.registry().configured().map((m) => this.pollAfterOthers(m)));
  }

  private pollAfterOthers(machine: RegisteredMachine): Promise<void> {
    // A poll that failed before is no reason to skip this one; its caller saw the failure.
    const prior = this.polling.get(machine.id)?.catch(() => undefined) ?? Promise.resolve();
    const next = prior.then(() => this.poll(machine));
    this.polling.set(machine.id, next);
    const forget = () => {
      if (this.polling.get(machine.id) === next) this.polling.delete(machine.id);
    };
    next.then(forget, forget);
    return next;
  }

  private async poll(machine: RegisteredMachine): Promise<void> {
    const client = machine.client;
    if (!client) return;
    const before = this.healthOf(machine.id);
    const asOfSeq = this.deps.currentSeq();
    const state = await client.state();
    const at = (this.deps.now ?? (() => new Date()))().toISOString();
    const api: MachineApi = { ...apiStateOf(state, client.facts()) };
    const reachable = api.state !== 'unreachable';
    const next: MachineHealth = { reachable, lastPolledAt: at, api, ...(before.metrics ? { metrics: before.metrics } : {}) };
    if (api.state === 'answers') {
      const metrics = await client.metrics();
      const parsed = isSuccess(metrics) ? metricNumbers(answerJson(metrics)) : undefined;
      if (parsed) next.metrics = parsed;
      const read = await this.learn(client, before, next, state, at);
      next.health = await this.healthOfMachine(client, before, api, read, at);
    }
    if (client.facts().tokenEndpoint === 'absent') api.noTokenEndpoint = true;
    this.health.set(machine.id, next);
    if (fingerprint(before) !== fingerprint(next)) this.deps.changed();
    // Answering again after not answering, or after refusing the console: what was missed meanwhile is asked for.
    if (api.state === 'answers' && before.api?.state !== 'answers' && isSuccess(state)) {
      await this.deps.reconcile(machine.id, await this.reconciliationFrom(machine, state, asOfSeq));
    }
  }

  /**
   * What an answering machine tells beyond its metrics: a scheduler in Error (with its details), its version and
   * model (GET system/info, asked once each time it starts answering), and where it offers AIDA 1.6's GET
   * machine/status, what that reads now. A machine that answers 404 there is not asked again until it comes back.
   */
  private async learn(client: AidaClient, before: MachineHealth, next: MachineHealth, state: AidaAnswer, at: string): Promise<MachineStatusRead | undefined> {
    const api = next.api as MachineApi;
    const error = isSuccess(state) ? schedulerError(state) : undefined;
    if (error) {
      const prior = before.schedulerError;
      const same = prior !== undefined && JSON.stringify(prior.errors) === JSON.stringify(error.errors);
      next.schedulerError = { ...error, since: same ? prior.since : at };
    }
    const back = before.api?.state !== 'answers';
    const known = back ? undefined : before.api;
    const info = back ? systemInfo(await client.systemInfo()) : known;
    if (info?.version) api.version = info.version;
    if (info?.model) api.model = info.model;
    if (info?.serial) api.serial = info.serial;
    if (known?.offers16 === false) {
      api.offers16 = false;
      return undefined;
    }
    const status = await client.machineStatus();
    const read = isSuccess(status) ? machineStatus(status) : undefined;
    if (read) {
      api.offers16 = true;
      next.report = { at, ...read };
    } else if (status.reach === 'answered' && (status.status === 404 || status.status === 405)) {
      api.offers16 = false;
    } else if (known?.offers16 !== undefined) {
      api.offers16 = known.offers16;
    }
    return read ? readMachineStatus(status) : undefined;
  }

  /**
   * GET system/status (every AIDA; not asked again until the machine comes back once it answered 404) beside what
   * machine/status read: the machine's health and the warnings it gives before a stop.
   */
  private async healthOfMachine(
    client: AidaClient,
    before: MachineHealth,
    api: MachineApi,
    machine: MachineStatusRead | undefined,
    at: string,
  ): Promise<MachineHealthView> {
    const back = before.api?.state !== 'answers';
    const skip = !back && before.health?.offers.systemStatus === false;
    const answer = skip ? undefined : await client.systemStatus();
    const system = answer && isSuccess(answer) ? readSystemStatus(answer) : undefined;
    const notOffered = skip || (answer?.reach === 'answered' && (answer.status === 404 || answer.status === 405));
    return healthView(at, system, machine, { systemStatus: !notOffered, machineStatus: api.offers16 === true });
  }

  private async reconciliationFrom(machine: RegisteredMachine, state: AidaAnswer, asOfSeq: number): Promise<Reconciliation> {
    const r: Reconciliation = { asOfSeq };
    const status = schedulerStatus(state);
    if (status) r.schedulerStatus = status;
    const dto = answerJson(state) as { stopReason?: unknown } | undefined;
    if (typeof dto?.stopReason === 'string') r.stopReason = dto.stopReason;
    const client = machine.client;
    // AIDA 1.6's job-instances/suspended answers both questions below where the 1.0 endpoints are not offered: read
    // at most once per reconciliation.
    let jobs: Promise<AidaAnswer | undefined> | undefined;
    const suspendedJobs = () => (jobs ??= client?.suspendedJobs() ?? Promise.resolve(undefined));
    const notOffered = (a: AidaAnswer | undefined) => a?.reach === 'answered' && a.status === 404;
    const items = await client?.resumeItems();
    if (items && isSuccess(items)) {
      const list = answerJson(items);
      if (Array.isArray(list)) r.resumeItemCount = list.length;
    } else if (notOffered(items)) {
      // The jobs suspended with an error code are the work waiting for Resume (a job waiting for a signal carries
      // NoErrors). Still read, never guessed.
      const answer = await suspendedJobs();
      const waiting = answer && isSuccess(answer) ? waitingForResume(answer) : undefined;
      if (waiting !== undefined) r.resumeItemCount = waiting;
    }
    let suspended = await client?.suspendedInstances();
    // Where workflow-instances/suspended is not offered, job-instances/suspended names the same instances.
    if (notOffered(suspended)) suspended = await suspendedJobs();
    // 404: the desktop variant does not offer the list; reviews are then left as they are.
    if (suspended && isSuccess(suspended)) {
      const ids = suspendedIds(suspended);
      if (ids) r.suspendedInstanceIds = [...ids];
    }
    return r;
  }
}

/** What the UI shows of a machine's health; the poll's own time is left out, so an unchanged machine emits nothing. */
const fingerprint = ({ lastPolledAt: _at, health, ...shown }: MachineHealth) =>
  JSON.stringify({ ...shown, health: health ? { ...health, at: undefined } : undefined });
