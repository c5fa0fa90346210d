import type { Job } from './job';
import type { JobIdentity, MessageFields } from './messages';
import type { CardPlan } from './scenarios';
import type { RecoverableCode } from './scheduler-state';

export type EndStatus = 'Completed' | 'Faulted' | 'Cancelled';

/** A card just fed: its job starts at the plan's first step. */
export function newJob(
  ids: { instanceId: number; jobId: number; batchId: string; workflowInstanceId: string },
  cardNo: number,
  plan: CardPlan,
  now: number,
): Job {
  return {
    instanceId: ids.instanceId,
    jobId: String(ids.jobId),
    batchId: ids.batchId,
    correlationId: `${ids.batchId}-${String(cardNo).padStart(4, '0')}`,
    workflowInstanceId: ids.workflowInstanceId,
    cardNo,
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
}

/** The job waits for Resume; an empty feeder holds no card of its own, so the job names no recoverable error. */
export function suspendJob(job: Job, code: RecoverableCode, now: number): void {
  job.status = 'Suspended';
  job.suspendedWith = code === 'FeederEmpty' ? undefined : code;
  job.updatedAt = now;
}

/** Resume: the job runs again and retries the activity that failed. */
export function resumeJob(job: Job, now: number): void {
  job.status = 'Running';
  job.suspendedWith = undefined;
  job.updatedAt = now;
}

export function endJob(job: Job, status: EndStatus, errorCode: string, now: number): void {
  job.status = status;
  job.errorCode = errorCode;
  job.waiting = undefined;
  job.suspendedWith = undefined;
  job.updatedAt = now;
  job.finishedAt = now;
  // A cancelled card never reaches the stacker: whatever was done to it, no document came out.
  if (status === 'Cancelled') job.documentProduced = false;
}

export const endMessageType = (status: EndStatus) =>
  status === 'Completed' ? 'WorkflowCompleted' : status === 'Faulted' ? 'WorkflowFaulted' : 'WorkflowCancelled';

const identity = (job: Job): JobIdentity => ({
  jobId: job.jobId,
  batchId: job.batchId,
  correlationId: job.correlationId,
  workflowInstanceId: job.workflowInstanceId,
});

/** What every message about a job says of it. */
export const jobMessageFields = (job: Job): Omit<MessageFields, 'metadata'> => ({
  job: identity(job),
  jobStatus: job.status,
  errorCode: job.errorCode,
  documentProduced: job.documentProduced,
  destructiveOperationExecuted: job.destructive,
});
