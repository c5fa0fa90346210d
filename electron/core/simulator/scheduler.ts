import type { Job } from './job';
import { resumeJob } from './job-lifecycle';
import { IssuanceLine } from './issuance-line';
import { readSignal } from './signal-request';
import { advance } from './steps';
import { templateNameOf } from './scenarios';

export type { SchedulerStatus } from './scheduler-state';

export interface StartParams {
  jobTemplateName?: string | undefined;
  workflowTypeName?: string | undefined;
  stopAfter?: number | undefined;
  dryRun?: boolean | undefined;
  metadataFields?: Record<string, unknown> | undefined;
}

export interface Outcome<T> {
  status: number;
  body: T | { error: string };
}

/**
 * The workflow scheduler of one simulated AIDA machine, as its REST API drives it: start, resume, stop, and the
 * console's signals. What the machine then does by itself is the IssuanceLine's.
 */
export class WorkflowScheduler extends IssuanceLine {
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
      resumeJob(job, this.deps.now());
      this.run.first(job, () => advance(this.steps, job));
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
    this.run.dropUnowned();
    this.feedPending = false;
    const held = this.lineHalted();
    this.suspension = undefined;
    if (abort || held) for (const job of [...this.inFlight]) this.endJob(job, 'Cancelled', cancelCode);
    this.afterJob();
    this.deps.changed();
    this.kick();
  }

  /** The console's answer to an external-process message (SignalExternalProcessCompleted). */
  signal(body: unknown): Outcome<Job[]> {
    const request = readSignal(body);
    if ('error' in request) return { status: 400, body: request };
    const id = request.workflowInstanceId;
    const job = this.inFlight.find((j) => j.workflowInstanceId === id);
    if (!job) {
      const ended = this.ended(id);
      return ended
        ? { status: 409, body: { error: `workflow instance ${id} is not waiting for a signal: it is ${ended.status}` } }
        : { status: 404, body: { error: `no workflow instance ${id}` } };
    }
    const wait = job.waiting;
    if (!wait) return { status: 409, body: { error: `workflow instance ${id} is not waiting for an external process` } };
    job.waiting = undefined;
    job.updatedAt = this.deps.now();
    if (request.goOn) {
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
}
