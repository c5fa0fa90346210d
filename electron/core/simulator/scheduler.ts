import type { MachineKind } from '../../../shared/api/views';
import { Agenda } from './agenda';
import type { IdSource } from './ids';
import { isTerminal, type ExternalWait, type Job } from './job';
import { buildMessage, type JobIdentity, type MessageFields, type SentMessageType, type SimulatedMachine } from './messages';
import { Doorbell, type Pacer } from './pacer';
import { templateNameOf, type Scenario } from './scenarios';
import { withoutIncidents } from './scenarios/production';
import { advance, durationOf, type StepContext } from './steps';
import type { DeliveryOutcome, WebhookPoster } from './webhook-poster';
import type { PhysicalWorld } from './world';
import { asRecord, field } from '../../../shared/json-values';

/** Cards inside the machine at once: one being fed or engraved while the one before it finishes. */
const PIPELINE_DEPTH = 2;

/** Finished jobs remembered, so a late signal for one is told "not waiting" rather than "unknown". */
const KEEP_FINISHED = 10_000;

/** `Error`: start failed in a way only GET …/state shows (the scenario's `failsToStart`); Stop or Start leaves it. */
export type SchedulerStatus = 'Stopped' | 'Running' | 'Suspended' | 'Stopping' | 'Error';
type RecoverableCode = 'FeederEmpty' | 'OpenInterlock' | 'CardJam';

export interface StartParams {
  jobTemplateName?: string | undefined;
  workflowTypeName?: string | undefined;
  stopAfter?: number | undefined;
  dryRun?: boolean | undefined;
  metadataFields?: Record<string, unknown> | undefined;
}

/** One issuance run, from start to stop. */
export interface Session {
  sessionId: string;
  batchId: string;
  templateName: string;
  workflowTypeName: string | undefined;
  metadata: Record<string, unknown>;
  dryRun: boolean;
  /** Job ids still in the data exchange table, in order, with the scenario card each will be. */
  /** `rerun`: a faulted job run again (a reprint), without its scripted incidents. */
  queue: { jobId: number; cardNo: number; rerun?: true }[];
  lastLoadedItemId: number;
}

export interface LastStop {
  reason: string;
  sourceJobId: string | undefined;
  /** `WorkflowSchedulerErrorCodes` the state reports for it. */
  errors: string[];
}

export interface Outcome<T> {
  status: number;
  body: T | { error: string };
}

export interface SchedulerDeps {
  machine: SimulatedMachine;
  ids: IdSource;
  world: PhysicalWorld;
  poster: WebhookPoster;
  pacer: Pacer;
  cardIntervalMs: number;
  defaultBatch: number;
  scenario: () => Scenario;
  callbackUrl: () => string;
  /** The MessageId of the next webhook; by default the machine's own sequence. */
  messageId?: () => string;
  now: () => number;
  log: (line: string) => void;
  changed: () => void;
}

const SIGNAL_OUTCOMES = ['Completed', 'Faulted', 'Canceled'] as const;
const WORKFLOW_ACTIONS = ['Resume', 'Reject'] as const;

/** An enum as System.Text.Json with string enums reads it: a name in any case, or the declaration index. */
function enumValue<T extends string>(names: readonly T[], value: unknown): T | undefined {
  if (typeof value === 'number') return names[value];
  if (typeof value !== 'string') return undefined;
  return names.find((n) => n.toLowerCase() === value.toLowerCase());
}

/**
 * The workflow scheduler of one simulated AIDA machine: takes jobs from its queue, feeds cards, runs each card's
 * scripted steps, suspends on recoverable errors, waits for the console's signals, and stops as the seed describes.
 *
 * One loop drives it in machine time (an agenda of due steps) and waits for every webhook's answer before the next
 * step, so a scenario's messages come out in the same order on every run; the pacer only decides how long real
 * time that takes. What the outside world does (REST calls, the trainee) rings the doorbell to wake the loop.
 */
export class WorkflowScheduler {
  status: SchedulerStatus = 'Stopped';
  suspension: { code: RecoverableCode; job: Job | undefined } | undefined;
  session: Session | undefined;
  lastStop: LastStop | undefined;
  /** What GET …/state reports while the status is Error. */
  error: { errors: readonly string[]; details: string } | undefined;
  /** Jobs inside the machine, oldest first. */
  readonly inFlight: Job[] = [];
  readonly totals = { completed: 0, faulted: 0, durationMs: 0 };
  private readonly finished = new Map<string, Job>();
  private stopReason: string | undefined;
  private readonly agenda = new Agenda();
  private clock = 0;
  private lastFeedAt = Number.NEGATIVE_INFINITY;
  private feedPending = false;
  private readonly doorbell = new Doorbell();
  private closed = false;
  private waiting = false;
  private settleWaiters: (() => void)[] = [];
  private readonly steps: StepContext;
  readonly startedAt: number;

  constructor(private readonly deps: SchedulerDeps) {
    this.startedAt = deps.now();
    this.steps = this.stepContext();
    void this.loop();
  }

  get kind(): MachineKind {
    return this.deps.scenario().kind;
  }

  /** Resolves when the machine waits for the outside world (a signal, Resume, Stop, Start) and every message is answered. */
  settled(): Promise<void> {
    if (this.closed || (this.waiting && this.deps.poster.idle)) return Promise.resolve();
    return new Promise((resolve) => this.settleWaiters.push(resolve));
  }

  close(): void {
    this.closed = true;
    this.doorbell.ring();
    this.releaseSettled();
  }

  /** Something changed what the machine should do: the loop looks again. */
  kick(): void {
    this.waiting = false;
    this.doorbell.ring();
  }

  // ── REST operations ────────────────────────────────────────────────────────────────────────────────────────────

  start(params: StartParams): Outcome<null> {
    if (this.status !== 'Stopped' && this.status !== 'Error') return { status: 409, body: { error: `issuance is ${this.status.toLowerCase()}` } };
    const failure = this.deps.scenario().failsToStart;
    if (failure) {
      // The machine accepts the request, then reports its scheduler in Error; it posts no webhook about it.
      this.status = 'Error';
      this.error = failure;
      this.deps.changed();
      return { status: 200, body: null };
    }
    this.error = undefined;
    if (this.deps.world.jammed) {
      // The card from the last jam is still inside: AIDA cannot reset the transport and does not start.
      this.finish('TransportResetFailed', undefined);
      return { status: 200, body: null };
    }
    const total = params.stopAfter ?? this.deps.defaultBatch;
    const queue = Array.from({ length: total }, (_, i) => ({ jobId: this.deps.ids.number('job'), cardNo: i + 1 }));
    this.session = {
      sessionId: this.deps.ids.hex('session'),
      batchId: `B${String(this.deps.ids.number('batch')).padStart(4, '0')}`,
      templateName: params.jobTemplateName ?? templateNameOf(this.deps.scenario()),
      workflowTypeName: params.workflowTypeName,
      metadata: params.metadataFields ?? {},
      dryRun: params.dryRun ?? false,
      queue,
      lastLoadedItemId: queue.at(-1)?.jobId ?? 0,
    };
    this.lastStop = undefined;
    this.status = 'Running';
    this.post('WorkflowSchedulerStarted', undefined, {});
    this.scheduleFeed();
    this.deps.changed();
    return { status: 200, body: null };
  }

  /** Resumes every workflow suspended with a recoverable error; AIDA retries the activity that failed. */
  resume(): Job[] {
    const suspension = this.suspension;
    if (!suspension) return [];
    this.suspension = undefined;
    this.status = this.stopReason ? 'Stopping' : 'Running';
    const job = suspension.job;
    if (job) {
      job.status = 'Running';
      job.suspendedWith = undefined;
      job.updatedAt = this.deps.now();
      this.agenda.addFirst(this.clock, job, () => advance(this.steps, job));
    }
    this.scheduleFeed();
    this.deps.changed();
    this.kick();
    return job ? [job] : [];
  }

  /**
   * Graceful (`abort` false): no new card, the jobs inside finish, then Stopped. Abort: the jobs inside are
   * cancelled (their cards rejected), then Stopped. Jobs held by an interlock or jam cannot finish: a stop cancels
   * them either way.
   */
  stop(abort: boolean, errorCode: string | undefined): void {
    if (this.status === 'Stopped') return;
    if (this.status === 'Error') {
      this.error = undefined;
      this.post('WorkflowSchedulerStopping', undefined, { stopReason: 'ManualStop' });
      this.finish('ManualStop', undefined);
      return;
    }
    const cancelCode = errorCode ?? 'ManualStop';
    if (!this.stopReason) {
      // The stop-reason list has its own reason for a stop while suspended with FeederEmpty (seed 000).
      this.stopReason = this.suspension?.code === 'FeederEmpty' ? 'FeederEmpty' : 'ManualStop';
      this.post('WorkflowSchedulerStopping', undefined, { stopReason: this.stopReason });
      // The seed: the health check is sent "during issuance graceful stop".
      if (!abort) this.post('HealthCheck', undefined, {});
    }
    this.status = 'Stopping';
    if (this.session) this.session.queue = [];
    this.agenda.dropUnowned();
    this.feedPending = false;
    const held = this.suspension !== undefined && this.suspension.code !== 'FeederEmpty';
    this.suspension = undefined;
    if (abort || held) for (const job of [...this.inFlight]) this.endJob(job, 'Cancelled', cancelCode);
    this.afterJob();
    this.deps.changed();
    this.kick();
  }

  /** The console's answer to an external-process message (SignalExternalProcessCompleted). */
  signal(body: unknown): Outcome<Job[]> {
    const signal = asRecord(body);
    const id = field(signal, 'workflowInstanceId');
    const outcome = enumValue(SIGNAL_OUTCOMES, field(signal, 'outcome'));
    const actionRaw = field(signal, 'requiredAction');
    const action = actionRaw === undefined || actionRaw === null ? undefined : enumValue(WORKFLOW_ACTIONS, actionRaw);
    if (typeof id !== 'string' || id === '') return { status: 400, body: { error: 'workflowInstanceId is required' } };
    if (!outcome) return { status: 400, body: { error: `outcome must be one of ${SIGNAL_OUTCOMES.join(', ')}` } };
    if (actionRaw !== undefined && actionRaw !== null && !action) {
      return { status: 400, body: { error: `requiredAction must be one of ${WORKFLOW_ACTIONS.join(', ')}` } };
    }
    const job = this.inFlight.find((j) => j.workflowInstanceId === id);
    if (!job) {
      const ended = this.finished.get(id);
      return ended
        ? { status: 409, body: { error: `workflow instance ${id} is not waiting for a signal: it is ${ended.status}` } }
        : { status: 404, body: { error: `no workflow instance ${id}` } };
    }
    const wait = job.waiting;
    if (!wait) return { status: 409, body: { error: `workflow instance ${id} is not waiting for an external process` } };
    job.waiting = undefined;
    job.updatedAt = this.deps.now();
    const goOn = action ? action === 'Resume' : outcome === 'Completed';
    if (goOn) {
      job.status = 'Running';
      if (wait.destructiveOnSuccess) job.destructive = true;
      this.steps.next(job, wait.remainingMs);
    } else {
      this.endJob(job, 'Faulted', wait.faultCode);
      this.afterJob();
    }
    this.deps.changed();
    this.kick();
    return { status: 200, body: [job] };
  }

  // ── The loop ───────────────────────────────────────────────────────────────────────────────────────────────────

  private async loop(): Promise<void> {
    while (!this.closed) {
      // The machine goes on only once the console has answered everything it was sent.
      await this.deps.poster.whenIdle();
      if (this.closed) break;
      const next = this.lineHalted() ? undefined : this.agenda.peek();
      if (!next) {
        const bell = this.doorbell.wait();
        this.waiting = true;
        if (this.deps.poster.idle) this.releaseSettled();
        await bell;
        continue;
      }
      const slept = await this.deps.pacer.sleep(Math.max(0, next.at - this.clock), this.doorbell.signal);
      // Woken early: what is due may have changed (an abort empties the agenda). Look again.
      if (!slept || this.agenda.peek() !== next) continue;
      this.agenda.shift();
      this.clock = Math.max(this.clock, next.at);
      next.run();
    }
  }

  /** An interlock or a jam stops the whole transport; an empty feeder only stops new cards. */
  private lineHalted(): boolean {
    return this.suspension !== undefined && this.suspension.code !== 'FeederEmpty';
  }

  private releaseSettled(): void {
    const waiters = this.settleWaiters;
    this.settleWaiters = [];
    for (const w of waiters) w();
  }

  // ── Feeding and finishing ──────────────────────────────────────────────────────────────────────────────────────

  private scheduleFeed(): void {
    if (this.status !== 'Running' || this.suspension || this.feedPending) return;
    if (this.inFlight.length >= PIPELINE_DEPTH || !this.session?.queue.length) return;
    this.feedPending = true;
    const feedMs = durationOf('feed', this.deps.cardIntervalMs);
    this.agenda.add(Math.max(this.clock, this.lastFeedAt + feedMs), undefined, () => this.feed());
  }

  private feed(): void {
    this.feedPending = false;
    const session = this.session;
    const next = session?.queue[0];
    if (this.status !== 'Running' || this.suspension || !session || !next) return;
    const world = this.deps.world;
    if (world.cardsInFeeder === 0) {
      this.suspend('FeederEmpty', undefined);
      return;
    }
    session.queue.shift();
    world.cardsInFeeder -= 1;
    const now = this.deps.now();
    const scripted = this.deps.scenario().card(next.cardNo);
    const plan = next.rerun ? withoutIncidents(scripted) : scripted;
    const job: Job = {
      instanceId: this.deps.ids.number('job-instance'),
      jobId: String(next.jobId),
      batchId: session.batchId,
      correlationId: `${session.batchId}-${String(next.cardNo).padStart(4, '0')}`,
      workflowInstanceId: this.deps.ids.hex('workflow'),
      cardNo: next.cardNo,
      plan,
      step: 0,
      status: 'Running',
      errorCode: 'NoErrors',
      documentProduced: false,
      destructive: false,
      waiting: undefined,
      suspendedWith: undefined,
      fired: new Set(),
      createdAt: now,
      updatedAt: now,
      finishedAt: undefined,
    };
    this.inFlight.push(job);
    this.lastFeedAt = this.clock;
    if (plan.unplugsConsole) this.deps.poster.unplug();
    this.post('WorkflowStarted', job, {}, plan.lateAnswerToStart === true);
    const feedMs = durationOf('feed', this.deps.cardIntervalMs);
    this.agenda.add(this.clock + feedMs, job, () => advance(this.steps, job));
    this.scheduleFeed();
    this.deps.changed();
  }

  private suspend(code: RecoverableCode, job: Job | undefined): void {
    this.suspension = { code, job };
    this.status = 'Suspended';
    if (job) {
      job.status = 'Suspended';
      job.suspendedWith = code === 'FeederEmpty' ? undefined : code;
      job.updatedAt = this.deps.now();
    }
    this.post('WorkflowSchedulerSuspended', job, { errorCode: code, jobStatus: job ? 'Suspended' : 'None' });
    this.deps.changed();
  }

  /** After a job left the machine: feed the next card, or stop when nothing is left to do. */
  private afterJob(): void {
    if (this.inFlight.length > 0) {
      this.scheduleFeed();
      return;
    }
    if (this.status === 'Stopping') this.finish(this.stopReason ?? 'ManualStop', undefined);
    else if (this.status === 'Running' && !this.session?.queue.length) this.finish('BatchCompleted', undefined);
    else this.scheduleFeed();
  }

  private finish(reason: string, source: Job | undefined): void {
    this.status = 'Stopped';
    this.suspension = undefined;
    this.stopReason = undefined;
    this.feedPending = false;
    this.agenda.clear();
    if (this.session) this.session.queue = [];
    const errors = reason === 'WebhooksServerUnreachable' || reason === 'TransportResetFailed' ? [reason] : [];
    this.lastStop = { reason, sourceJobId: source?.jobId, errors };
    const errorCode = ['ManualStop', 'CardJam', 'FeederEmpty', 'WebhooksServerUnreachable'].includes(reason) ? reason : 'NoErrors';
    this.post('WorkflowSchedulerStopped', undefined, {
      stopReason: reason,
      errorCode,
      sourceJobInstanceId: source?.workflowInstanceId,
    });
    this.deps.changed();
  }

  private endJob(job: Job, status: 'Completed' | 'Faulted' | 'Cancelled', errorCode: string, source?: Job): void {
    const now = this.deps.now();
    job.status = status;
    job.errorCode = errorCode;
    job.waiting = undefined;
    job.suspendedWith = undefined;
    job.updatedAt = now;
    job.finishedAt = now;
    this.agenda.dropJob(job);
    this.inFlight.splice(this.inFlight.indexOf(job), 1);
    this.finished.set(job.workflowInstanceId, job);
    if (this.finished.size > KEEP_FINISHED) this.finished.delete(this.finished.keys().next().value as string);
    if (status === 'Completed') {
      this.totals.completed += 1;
      this.totals.durationMs += now - job.createdAt;
    } else if (status === 'Faulted') this.totals.faulted += 1;
    const type: SentMessageType =
      status === 'Completed' ? 'WorkflowCompleted' : status === 'Faulted' ? 'WorkflowFaulted' : 'WorkflowCancelled';
    // A cancelled card never reaches the stacker: whatever was done to it, no document came out.
    if (status === 'Cancelled') job.documentProduced = false;
    this.post(type, job, { errorCode, sourceJobInstanceId: source?.workflowInstanceId });
  }

  // ── Webhooks ───────────────────────────────────────────────────────────────────────────────────────────────────

  private post(type: SentMessageType, job: Job | undefined, fields: Omit<MessageFields, 'job' | 'metadata'>, lateAnswer = false): void {
    const body = buildMessage(this.deps.machine, this.deps.messageId?.() ?? this.deps.ids.hex('message'), type, {
      ...(job
        ? {
            job: identity(job),
            jobStatus: job.status,
            errorCode: job.errorCode,
            documentProduced: job.documentProduced,
            destructiveOperationExecuted: job.destructive,
          }
        : {}),
      metadata: this.session?.metadata ?? {},
      ...fields,
    });
    this.deps.poster.post({ body, ...(lateAnswer ? { lateAnswer } : {}), onOutcome: (o) => this.delivered(o, job) });
    this.kick();
  }

  private delivered(outcome: DeliveryOutcome, job: Job | undefined): void {
    if (outcome.kind === 'ack-timeout') {
      // The job whose message went unanswered is faulted; one already ended or held by a suspension is left as is.
      if (job && !isTerminal(job) && !job.suspendedWith) {
        this.endJob(job, 'Faulted', 'WebhookAckTimeout');
        this.afterJob();
        this.deps.changed();
      }
    } else if (outcome.kind === 'unreachable' && this.status !== 'Stopped') {
      const source = job && !isTerminal(job) ? job : undefined;
      if (source) this.endJob(source, 'Faulted', 'WebhooksServerUnreachable');
      for (const other of [...this.inFlight]) this.endJob(other, 'Cancelled', 'WebhooksServerUnreachable', source);
      this.finish('WebhooksServerUnreachable', source);
      // The network comes back once the machine has tried (and failed) to tell the console it stopped.
      void this.deps.poster.whenIdle().then(() => this.deps.poster.plug());
    }
  }

  private stepContext(): StepContext {
    const session = () => this.session;
    return {
      world: this.deps.world,
      get dryRun() {
        return session()?.dryRun ?? false;
      },
      cardIntervalMs: this.deps.cardIntervalMs,
      next: (job, machineMs) => {
        job.step += 1;
        this.agenda.add(this.clock + machineMs, job, () => advance(this.steps, job));
      },
      waitForConsole: (job, messageType, extra, wait: ExternalWait) => {
        job.status = 'Suspended';
        job.waiting = wait;
        job.updatedAt = this.deps.now();
        this.post(messageType, job, { extra });
        this.deps.changed();
      },
      report: (job, messageType, extra) => {
        job.updatedAt = this.deps.now();
        this.post(messageType, job, { extra });
      },
      suspend: (code, job) => this.suspend(code, job),
      jam: (job) => this.jam(job),
      fault: (job, errorCode) => {
        this.endJob(job, 'Faulted', errorCode);
        if (job.plan.rerunOnFault && this.session) this.session.queue.push({ jobId: Number(job.jobId), cardNo: job.cardNo, rerun: true });
        this.afterJob();
        this.deps.changed();
      },
      complete: (job) => {
        this.endJob(job, 'Completed', 'NoErrors');
        this.afterJob();
        this.deps.changed();
      },
      encoder: (index) => ({
        encoderId: `encoder_cl_${index + 1}`,
        encoderIndex: index,
        callbackUrl: this.deps.callbackUrl(),
      }),
      worldChanged: () => this.deps.changed(),
    };
  }

  /** "Desktop machines cannot recover from CARD_JAM" (seed 000): there the jam ends issuance. */
  private jam(job: Job): void {
    if (this.kind === 'box') {
      this.suspend('CardJam', job);
      return;
    }
    this.endJob(job, 'Faulted', 'CardJam');
    // AIDA cancels the jobs that cannot recover and names the job that caused it (SourceJobInstanceId).
    for (const other of [...this.inFlight]) this.endJob(other, 'Cancelled', 'CardJam', job);
    this.finish('CardJam', job);
  }
}

const identity = (job: Job): JobIdentity => ({
  jobId: job.jobId,
  batchId: job.batchId,
  correlationId: job.correlationId,
  workflowInstanceId: job.workflowInstanceId,
});
