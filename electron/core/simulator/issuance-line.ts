import type { MachineKind } from '../../../shared/api/views';
import type { IdSource } from './ids';
import { isTerminal, type ExternalWait, type Job } from './job';
import { endJob, endMessageType, jobMessageFields, newJob, suspendJob, type EndStatus } from './job-lifecycle';
import { buildMessage, type MessageFields, type SentMessageType, type SimulatedMachine } from './messages';
import type { Pacer } from './pacer';
import { RunLoop } from './run-loop';
import type { Scenario } from './scenarios';
import { withoutIncidents } from './scenarios/production';
import { lastStopOf, SchedulerState, stopErrorCode, type RecoverableCode } from './scheduler-state';
import { advance, durationOf, type StepContext } from './steps';
import type { DeliveryOutcome, WebhookPoster } from './webhook-poster';
import type { PhysicalWorld } from './world';

/** Cards inside the machine at once: one being fed or engraved while the one before it finishes. */
const PIPELINE_DEPTH = 2;

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

/**
 * What one simulated AIDA machine does by itself once issuance runs: feeds cards, runs each card's scripted steps,
 * suspends on recoverable errors, ends jobs, stops as the seed describes, and posts a webhook about each. Its run loop
 * waits for every webhook's answer before the next step (see RunLoop); the REST operations are WorkflowScheduler's.
 */
export class IssuanceLine extends SchedulerState {
  protected stopReason: string | undefined;
  protected feedPending = false;
  private lastFeedAt = Number.NEGATIVE_INFINITY;
  protected readonly run: RunLoop;
  protected readonly steps: StepContext;

  constructor(protected readonly deps: SchedulerDeps) {
    super(deps.now());
    this.steps = this.stepContext();
    this.run = new RunLoop(deps.poster, deps.pacer, () => this.lineHalted());
  }

  get kind(): MachineKind {
    return this.deps.scenario().kind;
  }

  /** Resolves when the machine waits for the outside world (a signal, Resume, Stop, Start) and every message is answered. */
  settled(): Promise<void> {
    return this.run.settled();
  }

  close(): void {
    this.run.close();
  }

  /** Something changed what the machine should do: the loop looks again. */
  kick(): void {
    this.run.kick();
  }

  protected scheduleFeed(): void {
    if (this.status !== 'Running' || this.suspension || this.feedPending) return;
    if (this.inFlight.length >= PIPELINE_DEPTH || !this.session?.queue.length) return;
    this.feedPending = true;
    const feedMs = durationOf('feed', this.deps.cardIntervalMs);
    this.run.at(Math.max(this.run.clock, this.lastFeedAt + feedMs), undefined, () => this.feed());
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
    const instanceId = this.deps.ids.number('job-instance');
    const ids = { instanceId, jobId: next.jobId, batchId: session.batchId, workflowInstanceId: this.deps.ids.hex('workflow') };
    const job = newJob(ids, next.cardNo, plan, now);
    this.inFlight.push(job);
    this.lastFeedAt = this.run.clock;
    if (plan.unplugsConsole) this.deps.poster.unplug();
    this.post('WorkflowStarted', job, {}, plan.lateAnswerToStart === true);
    this.run.after(durationOf('feed', this.deps.cardIntervalMs), job, () => advance(this.steps, job));
    this.scheduleFeed();
    this.deps.changed();
  }

  private suspend(code: RecoverableCode, job: Job | undefined): void {
    this.suspension = { code, job };
    this.status = 'Suspended';
    if (job) suspendJob(job, code, this.deps.now());
    this.post('WorkflowSchedulerSuspended', job, { errorCode: code, jobStatus: job ? 'Suspended' : 'None' });
    this.deps.changed();
  }

  /** After a job left the machine: feed the next card, or stop when nothing is left to do. */
  protected afterJob(): void {
    if (this.inFlight.length > 0) {
      this.scheduleFeed();
      return;
    }
    if (this.status === 'Stopping') this.finish(this.stopReason ?? 'ManualStop', undefined);
    else if (this.status === 'Running' && !this.session?.queue.length) this.finish('BatchCompleted', undefined);
    else this.scheduleFeed();
  }

  protected finish(reason: string, source: Job | undefined): void {
    this.status = 'Stopped';
    this.suspension = undefined;
    this.stopReason = undefined;
    this.feedPending = false;
    this.run.clear();
    if (this.session) this.session.queue = [];
    this.lastStop = lastStopOf(reason, source);
    this.post('WorkflowSchedulerStopped', undefined, {
      stopReason: reason,
      errorCode: stopErrorCode(reason),
      sourceJobInstanceId: source?.workflowInstanceId,
    });
    this.deps.changed();
  }

  protected endJob(job: Job, status: EndStatus, errorCode: string, source?: Job): void {
    const now = this.deps.now();
    endJob(job, status, errorCode, now);
    this.run.dropJob(job);
    this.retire(job, now);
    this.post(endMessageType(status), job, { errorCode, sourceJobInstanceId: source?.workflowInstanceId });
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

  // ── Webhooks ───────────────────────────────────────────────────────────────────────────────────────────────────

  protected post(type: SentMessageType, job: Job | undefined, fields: Omit<MessageFields, 'job' | 'metadata'>, lateAnswer = false): void {
    const body = buildMessage(this.deps.machine, this.deps.messageId?.() ?? this.deps.ids.hex('message'), type, {
      ...(job ? jobMessageFields(job) : {}),
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
        this.run.after(machineMs, job, () => advance(this.steps, job));
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
}
