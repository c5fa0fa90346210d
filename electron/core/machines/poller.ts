import { isSuccess, type AidaAnswer } from '../aida/client';
import { answerJson, schedulerStatus, suspendedIds } from '../aida/answers';
import type { Reconciliation } from '../domain/reconciliation';
import type { MachineRegistry, RegisteredMachine } from './registry';

export interface MachineHealth {
  reachable: boolean | undefined;
  lastPolledAt?: string;
  /** GET …/metrics as the machine reports it (jobsPerHour, running, faulted…), numbers only. */
  metrics?: Record<string, number>;
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

function numbers(value: unknown): Record<string, number> | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(value)) if (typeof v === 'number' && Number.isFinite(v)) out[k] = v;
  return out;
}

/**
 * Polls each machine's API: whether it answers, its metrics, and — on start-up or when it comes back after being
 * unreachable — what the console may have missed (scheduler state, suspended instances).
 */
export class MachinePoller {
  private readonly health = new Map<string, MachineHealth>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  /** Checks scheduled after an accepted Resume, and those under way. */
  private readonly checks = new Set<ReturnType<typeof setTimeout>>();
  private readonly checking = new Set<Promise<void>>();

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
        this.timer = setTimeout(tick, this.deps.intervalMs);
      });
    };
    tick();
  }

  async stop(): Promise<void> {
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
    await Promise.all(this.deps.registry().configured().map((m) => this.poll(m)));
  }

  private async poll(machine: RegisteredMachine): Promise<void> {
    const client = machine.client;
    if (!client) return;
    const before = this.healthOf(machine.id);
    const asOfSeq = this.deps.currentSeq();
    const state = await client.state();
    const at = (this.deps.now ?? (() => new Date()))().toISOString();
    const reachable = state.reach === 'answered';
    const next: MachineHealth = { reachable, lastPolledAt: at, ...(before.metrics ? { metrics: before.metrics } : {}) };
    if (reachable) {
      const metrics = await client.metrics();
      const parsed = isSuccess(metrics) ? numbers(answerJson(metrics)) : undefined;
      if (parsed) next.metrics = parsed;
    }
    this.health.set(machine.id, next);
    if (before.reachable !== next.reachable || fingerprint(before.metrics) !== fingerprint(next.metrics)) this.deps.changed();
    if (reachable && before.reachable !== true && isSuccess(state)) {
      await this.deps.reconcile(machine.id, await this.reconciliationFrom(machine, state, asOfSeq));
    }
  }

  private async reconciliationFrom(machine: RegisteredMachine, state: AidaAnswer, asOfSeq: number): Promise<Reconciliation> {
    const r: Reconciliation = { asOfSeq };
    const status = schedulerStatus(state);
    if (status) r.schedulerStatus = status;
    const dto = answerJson(state) as { stopReason?: unknown } | undefined;
    if (typeof dto?.stopReason === 'string') r.stopReason = dto.stopReason;
    const items = await machine.client?.resumeItems();
    if (items && isSuccess(items)) {
      const list = answerJson(items);
      if (Array.isArray(list)) r.resumeItemCount = list.length;
    }
    const suspended = await machine.client?.suspendedInstances();
    // 404: the desktop variant does not offer the list; reviews are then left as they are.
    if (suspended && isSuccess(suspended)) {
      const ids = suspendedIds(suspended);
      if (ids) r.suspendedInstanceIds = [...ids];
    }
    return r;
  }
}

const fingerprint = (m: Record<string, number> | undefined) => JSON.stringify(m ?? null);
