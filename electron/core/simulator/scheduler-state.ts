import type { Job } from './job';

/** Finished jobs remembered, so a late signal for one is told "not waiting" rather than "unknown". */
const KEEP_FINISHED = 10_000;

/** `Error`: start failed in a way only GET …/state shows (the scenario's `failsToStart`); Stop or Start leaves it. */
export type SchedulerStatus = 'Stopped' | 'Running' | 'Suspended' | 'Stopping' | 'Error';
export type RecoverableCode = 'FeederEmpty' | 'OpenInterlock' | 'CardJam';

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

/** The stop reasons that travel as the Stopped message's own error code; any other stops with NoErrors. */
const STOP_ERROR_CODES: readonly string[] = ['ManualStop', 'CardJam', 'FeederEmpty', 'WebhooksServerUnreachable'];
/** The stop reasons GET …/state keeps listing in `errors` once stopped. */
const STOPPED_WITH_ERROR: readonly string[] = ['WebhooksServerUnreachable', 'TransportResetFailed'];

export const stopErrorCode = (reason: string): string => (STOP_ERROR_CODES.includes(reason) ? reason : 'NoErrors');

export const lastStopOf = (reason: string, source: Job | undefined): LastStop => ({
  reason,
  sourceJobId: source?.jobId,
  errors: STOPPED_WITH_ERROR.includes(reason) ? [reason] : [],
});

/**
 * What one simulated scheduler is in, as its REST answers (state, metrics, health) report it; the scheduler changes
 * it, the DTOs only read it.
 */
export class SchedulerState {
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

  constructor(readonly startedAt: number) {}

  /** Cards that went through the machine, made or faulted: what wears its cartridge. */
  cardsThrough(): number {
    return this.totals.completed + this.totals.faulted;
  }

  /** An interlock or a jam stops the whole transport; an empty feeder only stops new cards. */
  lineHalted(): boolean {
    return this.suspension !== undefined && this.suspension.code !== 'FeederEmpty';
  }

  /** Takes an ended job out of the machine and counts it. */
  protected retire(job: Job, now: number): void {
    this.inFlight.splice(this.inFlight.indexOf(job), 1);
    this.finished.set(job.workflowInstanceId, job);
    if (this.finished.size > KEEP_FINISHED) this.finished.delete(this.finished.keys().next().value as string);
    if (job.status === 'Completed') {
      this.totals.completed += 1;
      this.totals.durationMs += now - job.createdAt;
    } else if (job.status === 'Faulted') this.totals.faulted += 1;
  }

  /** A job that has left the machine, while it is remembered. */
  protected ended(workflowInstanceId: string): Job | undefined {
    return this.finished.get(workflowInstanceId);
  }
}
