import { failCoded, ok, type Result } from '../../../shared/api/result';
import { schedulerStatus, suspendedIds } from '../aida/answers';
import { describeAnswer, isSuccess, type AidaAnswer } from '../aida/aida-answer';
import type { AidaClient } from '../aida/client';
import type { Command, CommandRepo, NewCommand } from '../store/command-repo';
import type { Review, ReviewRepo } from '../store/review-repo';
import { restoredSettlements, type MachineAnswer } from './restored';
import { EFFECT_SEEN_IN_STATE, sendCommand, signalCallback, type SignalPayload } from './send';
import { asParam, asSent, coded, readStored, type StoredText } from '../../../shared/i18n/stored-text';

export interface OutboxDeps {
  /** Runs work in one transaction: a command is written together with what it answers. */
  transaction: <T>(work: () => T) => T;
  repo: CommandRepo;
  reviews: ReviewRepo;
  client: (machineId: string) => AidaClient | undefined;
  announce: (command: Command) => void;
  now?: () => Date;
  log?: (line: string) => void;
  /** Waits between attempts while the machine provably never got the request. */
  retryDelaysMs?: readonly number[];
  /** Wait before reconciling an ambiguous answer, so the webhook that would settle it can arrive first. */
  reconcileDelayMs?: number;
  /** How long a Resume / Stop / Start keeps being retried while the machine is unreachable. */
  schedulerRetryWindowMs?: number;
}

const DEFAULT_RETRY_DELAYS = [500, 1000, 2000, 5000, 10_000, 30_000];

/** Why a closed review needs nothing more, as its closing was stored (coded since migration 16). */
function closedReason(review: Review): StoredText {
  return review.closed_reason === null ? coded('outcomes:movedOn') : readStored(review.closed_reason, review.closed_code, review.closed_params);
}

/**
 * Sends stored commands to AIDA exactly once per decision. A signal names only the workflow instance, and an
 * instance suspends several times (OCR, then encoder, then readback), so a signal whose answer was lost is never
 * replayed blindly: it is retried automatically only when the request provably never reached AIDA's application
 * (connection refused, connect failure, 502/503/504); after an ambiguous failure (timeout, 500) the outbox first
 * reconciles with what the machine says, and a signal is dropped once a newer webhook shows the machine moved on.
 */
export class Outbox {
  private readonly timers = new Map<number, NodeJS.Timeout>();
  private readonly busy = new Set<number>();
  private readonly inflight = new Set<Promise<void>>();
  private stopped = false;
  private readonly now: () => Date;
  private readonly retryDelays: readonly number[];
  private readonly reconcileDelayMs: number;
  private readonly schedulerRetryWindowMs: number;

  constructor(private readonly deps: OutboxDeps) {
    this.now = deps.now ?? (() => new Date());
    this.retryDelays = deps.retryDelaysMs ?? DEFAULT_RETRY_DELAYS;
    this.reconcileDelayMs = deps.reconcileDelayMs ?? 1500;
    this.schedulerRetryWindowMs = deps.schedulerRetryWindowMs ?? 60_000;
  }

  private at(): string {
    return this.now().toISOString();
  }

  /**
   * Writes the command, then sends it, resolving after the first attempt (later retries are announced). Asking again
   * for the same review returns the first command unchanged, without sending anything.
   */
  async submit(input: Omit<NewCommand, 'at'>, alongside?: () => void): Promise<Command> {
    // What the command records (a review's decision) commits with the command or not at all.
    const { command, created } = this.deps.transaction(() => {
      alongside?.();
      return this.deps.repo.create({ ...input, at: this.at() });
    });
    if (!created) return command;
    this.deps.announce(command);
    await this.track(this.process(command.id));
    return this.deps.repo.get(command.id);
  }

  /**
   * A person's explicit "send again" after a failure. Only a failed command can be sent again: one still being sent
   * or reconciled would be replayed blindly, which is what the outbox exists to prevent. The command keeps its actor;
   * `by` (who pressed Send again) goes into its outcome.
   */
  retry(id: number, by: string): Result<Command> {
    const command = this.deps.repo.find(id);
    if (!command) return failCoded('not-found', 'refusals:noCommand', { id });
    if (command.state !== 'failed') return failCoded('not-allowed', 'refusals:notFailed', { id, state: command.state });
    const stale = this.stale(command);
    if (stale) return failCoded('not-allowed', 'refusals:nothingToSend', { reason: asParam(stale) });
    const queued = this.deps.repo.update(id, 'queued', coded('outcomes:sentAgain', { by }), this.at());
    this.deps.announce(queued);
    this.schedule(id, 0, 'send');
    return ok(queued);
  }

  /**
   * After a restart: queued commands were never sent; sent ones may or may not have arrived. Those restored from a
   * backup wait for settleRestored or a newer message: the machine may have got them after the backup was made.
   */
  resume(): void {
    for (const c of this.deps.repo.unsettled()) {
      if (c.restoredAt !== undefined) continue;
      if (c.state === 'queued') this.schedule(c.id, 0, 'send');
      else this.schedule(c.id, 0, 'reconcile');
    }
  }

  /** Called after webhooks changed reviews: a newer message settles what the outbox was unsure of. */
  reviewsChanged(): void {
    for (const c of this.deps.repo.unsettled()) {
      if (c.kind !== 'signal' || c.reviewId === undefined || this.busy.has(c.id)) continue;
      const review = this.deps.reviews.get(c.reviewId);
      if (review?.state !== 'closed') continue;
      this.clearTimer(c.id);
      // Queued means never applied: unsent, or last refused before reaching AIDA, or found still waiting.
      if (c.state === 'queued') {
        this.finish(c.id, 'failed', coded('outcomes:notSentBefore', { reason: asParam(closedReason(review)) }));
      } else {
        this.finish(c.id, 'acknowledged', coded('outcomes:takenAsApplied', { reason: asParam(closedReason(review)) }));
      }
    }
  }

  /**
   * The machine's API was read after a restore (the poller's reconciliation): what it settles of the restored reviews
   * and commands (restored.ts decides). Returns whether a review's mark was cleared (the review queue changed).
   */
  settleRestored(machineId: string, machine: MachineAnswer): boolean {
    const { clear, fail } = restoredSettlements(machineId, machine, this.deps.reviews.unanswered(), this.deps.repo.unsettled());
    for (const id of clear) this.deps.reviews.clearRestored(id);
    for (const f of fail) this.finish(f.id, 'failed', coded(f.outcome.code, f.outcome.params));
    return clear.length > 0;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    await Promise.allSettled([...this.inflight]);
  }

  private schedule(id: number, delayMs: number, what: 'send' | 'reconcile'): void {
    if (this.stopped) return;
    this.clearTimer(id);
    const timer = setTimeout(() => {
      this.timers.delete(id);
      void this.track(what === 'send' ? this.process(id) : this.reconcile(id));
    }, delayMs);
    this.timers.set(id, timer);
  }

  /** Keeps an attempt in view so that stop() can wait for it; failures are logged, never thrown at a timer. */
  private track(attempt: Promise<void>): Promise<void> {
    const run = attempt.catch((err: unknown) => this.deps.log?.(`command: ${(err as Error).message}`));
    this.inflight.add(run);
    void run.finally(() => this.inflight.delete(run));
    return run;
  }

  private clearTimer(id: number): void {
    const t = this.timers.get(id);
    if (t) clearTimeout(t);
    this.timers.delete(id);
  }

  private finish(id: number, state: 'acknowledged' | 'failed' | 'queued' | 'sent', outcome: StoredText, nextAttemptAt?: string): Command {
    const c = this.deps.repo.update(id, state, outcome, this.at(), nextAttemptAt);
    this.deps.announce(c);
    return c;
  }

  /** Whether the decision still has something to act on; a reason when it does not. */
  private stale(command: Command): StoredText | undefined {
    if (command.kind !== 'signal' || command.reviewId === undefined) return undefined;
    const review = this.deps.reviews.get(command.reviewId);
    if (review?.state === 'closed') return closedReason(review);
    return undefined;
  }

  private async process(id: number): Promise<void> {
    if (this.busy.has(id)) return;
    const command = this.deps.repo.get(id);
    if (command.state !== 'queued' || command.restoredAt !== undefined) return;
    const stale = this.stale(command);
    if (stale) {
      this.finish(id, 'failed', coded('outcomes:notSent', { reason: asParam(stale) }));
      return;
    }
    const client = this.deps.client(command.machineId);
    if (!client) {
      this.finish(id, 'failed', coded('outcomes:notConfigured'));
      return;
    }
    this.busy.add(id);
    try {
      const sent = this.deps.repo.markSent(id, this.at());
      this.deps.announce(sent);
      const callback = signalCallback(client, sent);
      const answer = await sendCommand(client, sent);
      this.settle(this.deps.repo.get(id), answer, callback);
    } finally {
      this.busy.delete(id);
    }
  }

  private settle(command: Command, answer: AidaAnswer, callback: string | undefined): void {
    const text = describeAnswer(answer);
    if (isSuccess(answer)) {
      this.finish(command.id, 'acknowledged', asSent(text));
      return;
    }
    if (callback !== undefined && answer.reach === 'answered' && (answer.status === 404 || answer.status === 405)) {
      // An undocumented URL refusing the request says nothing sure about the card (a gone instance, or the wrong
      // method). Reconciled like a lost answer: a newer webhook or a gone instance means applied; only an instance
      // still suspended with nothing newer logged gets the signal again, at the documented endpoint (see send.ts).
      this.finish(command.id, 'sent', coded('outcomes:callbackRefused', { answer: text }));
      this.schedule(command.id, this.reconcileDelayMs, 'reconcile');
      return;
    }
    if (answer.reach === 'answered' && answer.status !== undefined && answer.status < 500) {
      // AIDA's application refused it (4xx): final. Its answer is what the person needs to see.
      this.finish(command.id, 'failed', asSent(text));
      return;
    }
    if (answer.reach === 'unreached') {
      const delay = this.retryDelays[Math.min(command.attempts - 1, this.retryDelays.length - 1)] ?? 30_000;
      if (!this.mayRetry(command)) {
        this.finish(command.id, 'failed', coded('outcomes:gaveUp', { answer: text }));
        return;
      }
      const next = new Date(this.now().getTime() + delay).toISOString();
      this.finish(command.id, 'queued', coded('outcomes:retrying', { answer: text }), next);
      this.schedule(command.id, delay, 'send');
      return;
    }
    this.finish(command.id, 'sent', coded('outcomes:mayHaveApplied', { answer: text }));
    this.schedule(command.id, this.reconcileDelayMs, 'reconcile');
  }

  private mayRetry(command: Command): boolean {
    if (command.kind === 'signal') return this.stale(command) === undefined;
    return this.now().getTime() - new Date(command.createdAt).getTime() < this.schedulerRetryWindowMs;
  }

  /** Settles a command whose answer was lost, from what the machine (and its webhooks) now say. */
  private async reconcile(id: number): Promise<void> {
    if (this.busy.has(id)) return;
    const command = this.deps.repo.get(id);
    if (command.state !== 'sent' || command.restoredAt !== undefined) return;
    const stale = this.stale(command);
    if (stale) {
      this.finish(id, 'acknowledged', coded('outcomes:takenAsApplied', { reason: asParam(stale) }));
      return;
    }
    const client = this.deps.client(command.machineId);
    if (!client) {
      this.finish(id, 'failed', coded('outcomes:unknownUnconfigured'));
      return;
    }
    this.busy.add(id);
    try {
      if (command.kind === 'signal') await this.reconcileSignal(client, command);
      else await this.reconcileScheduler(client, command);
    } finally {
      this.busy.delete(id);
    }
  }

  private async reconcileSignal(client: AidaClient, command: Command): Promise<void> {
    const instance = (command.payload as SignalPayload).workflowInstanceId;
    const answer = await client.suspendedInstances();
    if (answer.reach !== 'answered') {
      this.schedule(command.id, this.reconcileDelayMs * 2, 'reconcile');
      return;
    }
    if (answer.status === 404) {
      this.finish(command.id, 'failed', coded('outcomes:unknownNoCheck'));
      return;
    }
    const ids = suspendedIds(answer);
    if (!isSuccess(answer) || ids === undefined) {
      this.finish(command.id, 'failed', coded('outcomes:unknownUnreadable', { answer: describeAnswer(answer) }));
      return;
    }
    if (!ids.has(instance)) {
      this.finish(command.id, 'acknowledged', coded('outcomes:noLongerWaits'));
      return;
    }
    // Still suspended, and no webhook has announced a newer suspension of this instance: the signal did not land.
    this.finish(command.id, 'queued', coded('outcomes:stillWaits'));
    this.schedule(command.id, 0, 'send');
  }

  private async reconcileScheduler(client: AidaClient, command: Command): Promise<void> {
    const answer = await client.state();
    if (answer.reach !== 'answered') {
      this.schedule(command.id, this.reconcileDelayMs * 2, 'reconcile');
      return;
    }
    const status = schedulerStatus(answer);
    const expected = EFFECT_SEEN_IN_STATE[command.kind as keyof typeof EFFECT_SEEN_IN_STATE];
    if (status !== undefined && expected.includes(status)) {
      this.finish(command.id, 'acknowledged', coded('outcomes:appliedState', { status }));
    } else {
      this.finish(command.id, 'failed', coded('outcomes:unknownState', { status: status ?? { code: 'outcomes:unreadableState' } }));
    }
  }
}
