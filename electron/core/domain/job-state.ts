import type { AidaMessage } from '../../../shared/aida/message';
import { RECOVERABLE_CODES } from '../../../shared/aida/vocabulary';

/** One job as the queue shows it, folded from the messages that name it. */
export interface JobState {
  source: string;
  machineId: string;
  key: string;
  jobId?: string;
  correlationId?: string;
  batchId?: string;
  workflowInstanceId?: string;
  status: string;
  errorCode?: string;
  documentProduced?: boolean;
  destructiveOperationExecuted?: boolean;
  sourceJobInstanceId?: string;
  lastMessageType: string;
  stateSince: string;
  updatedAt: string;
  /**
   * Every attempt, oldest first, when AIDA ran the job under more than one workflow instance; the job's own fields
   * above are the latest attempt's. Absent for a job run once.
   */
  attempts?: Attempt[];
}

/** What belongs to one run of a job (one workflow instance): its status, error and card facts. */
export type Attempt = Pick<
  JobState,
  'workflowInstanceId' | 'status' | 'errorCode' | 'documentProduced' | 'destructiveOperationExecuted' | 'sourceJobInstanceId' | 'lastMessageType' | 'stateSince' | 'updatedAt'
>;

const ATTEMPT_FIELDS = [
  'workflowInstanceId',
  'status',
  'errorCode',
  'documentProduced',
  'destructiveOperationExecuted',
  'sourceJobInstanceId',
  'lastMessageType',
  'stateSince',
  'updatedAt',
] as const satisfies readonly (keyof Attempt)[];

/** The status a message implies. The message type is the stronger fact; JobStatus fills in for unknown types. */
const STATUS_BY_TYPE: Record<string, string> = {
  WorkflowStarted: 'Running',
  WorkflowCompleted: 'Completed',
  WorkflowFaulted: 'Faulted',
  WorkflowCancelled: 'Cancelled',
  EncoderLoaded: 'Suspended',
  OcrExecuted: 'Suspended',
  MagneticStripeReadBack: 'Suspended',
  OcrReadBack: 'Suspended',
  ChipReadBack: 'Suspended',
  BarcodeReadBack: 'Suspended',
};

/** AIDA 1.6's BarcodeDecoded concerns one job, whose JobStatus it carries: Suspended only when it waits for the console. */
export const JOB_MESSAGE_TYPES: ReadonlySet<string> = new Set([...Object.keys(STATUS_BY_TYPE), 'BarcodeDecoded']);

const TERMINAL = new Set(['Completed', 'Faulted', 'Cancelled', 'Rejected']);

/** The final statuses among which AIDA's own JobStatus chooses, once the message type says the job failed. */
const FAILED_STATUSES = new Set(['Faulted', 'Cancelled', 'Rejected']);

/**
 * Whether a scheduler message suspends issuance (PROTOCOLS.md, "Suspended or stopped"): WorkflowSchedulerSuspended,
 * the deprecated FeederEmpty, or the seed's Stopped example with a recoverable code and no stop reason.
 */
export function isSchedulerSuspension(msg: AidaMessage): boolean {
  if (msg.messageType === 'WorkflowSchedulerSuspended' || msg.messageType === 'FeederEmpty') return true;
  return msg.messageType === 'WorkflowSchedulerStopped' && !msg.stopReason && msg.errorCode !== undefined && RECOVERABLE_CODES.includes(msg.errorCode);
}

/** Later stages outrank earlier ones, so a Started delivered after Completed cannot reopen the job. */
function rank(status: string): number {
  if (TERMINAL.has(status)) return 3;
  if (status === 'None' || status === 'Waiting') return 0;
  if (status === 'Starting') return 1;
  return 2;
}

export function isTerminal(status: string): boolean {
  return TERMINAL.has(status);
}

/** The key a job is stored under: AIDA's JobId, else the workflow instance. Undefined when neither is present. */
export function jobKeyOf(msg: AidaMessage): string | undefined {
  if (msg.jobId) return msg.jobId;
  if (msg.workflowInstanceId) return `wf:${msg.workflowInstanceId}`;
  return undefined;
}

/**
 * Whether a message concerns one job. Scheduler messages do not, except a suspension that names the job it stopped
 * at: that job is Suspended until the machine moves on.
 */
export function isJobMessage(msg: AidaMessage): boolean {
  if (JOB_MESSAGE_TYPES.has(msg.messageType)) return true;
  if (isSchedulerSuspension(msg)) return jobKeyOf(msg) !== undefined;
  return !!msg.jobId && msg.messageType === 'Unknown';
}

/** The status a message implies: its type decides whether the job is final, AIDA's JobStatus which final status. */
function impliedStatus(prev: JobState | undefined, msg: AidaMessage): string {
  if (isSchedulerSuspension(msg)) return 'Suspended';
  const byType = STATUS_BY_TYPE[msg.messageType];
  if (byType && FAILED_STATUSES.has(byType) && msg.jobStatus && FAILED_STATUSES.has(msg.jobStatus)) return msg.jobStatus;
  return byType ?? msg.jobStatus ?? prev?.status ?? 'None';
}

function attemptOf(job: JobState): Attempt {
  const attempt: Attempt = { status: job.status, lastMessageType: job.lastMessageType, stateSince: job.stateSince, updatedAt: job.updatedAt };
  const copy = <K extends keyof Attempt>(field: K) => {
    if (job[field] !== undefined) attempt[field] = job[field];
  };
  ATTEMPT_FIELDS.forEach(copy);
  return attempt;
}

/** The job with one attempt's fields in place of its own. */
function showing(job: JobState, attempt: Attempt): JobState {
  const { attempts: _all, ...rest } = job;
  const out: JobState = { ...rest };
  for (const field of ATTEMPT_FIELDS) delete out[field];
  return { ...out, ...attempt };
}

/**
 * Folds one message into a job. Pure. Attempts are told apart by workflow instance: a WorkflowStarted for a known
 * job under a new instance starts a new attempt, which the job then shows; a late message of an earlier attempt folds
 * into that attempt and changes nothing the job shows. A message naming no instance belongs to the latest attempt.
 */
export function applyToJob(prev: JobState | undefined, msg: AidaMessage, machineId: string, key: string, at: string): JobState {
  const attempts = prev ? [...(prev.attempts ?? [attemptOf(prev)])] : [];
  const instance = msg.workflowInstanceId;
  let index = instance === undefined ? attempts.length - 1 : attempts.findIndex((a) => a.workflowInstanceId === instance);
  // An attempt first heard of without its instance takes the first instance named for it.
  if (index < 0 && instance !== undefined) index = attempts.findIndex((a) => a.workflowInstanceId === undefined);
  let folded: JobState;
  if (index >= 0 && prev) {
    folded = foldAttempt(showing(prev, attempts[index] as Attempt), msg, machineId, key, at);
  } else {
    // A new attempt: the latest when it starts (or is the first heard of), else an earlier one whose start was missed.
    folded = foldAttempt(undefined, msg, machineId, key, at);
    index = attempts.length === 0 || msg.messageType === 'WorkflowStarted' ? attempts.length : attempts.length - 1;
    attempts.splice(index, 0, attemptOf(folded));
  }
  attempts[index] = attemptOf(folded);
  // What the job is (its ids, batch), as the newest message says it; what happened to it, as its latest attempt says.
  const shown = showing({ ...prev, ...folded }, attempts[attempts.length - 1] as Attempt);
  return attempts.length > 1 ? { ...shown, attempts } : shown;
}

/** Folds one message into one attempt. Out-of-order delivery ends right: a status never moves back to an earlier
 * stage, and the first terminal status stands. */
function foldAttempt(prev: JobState | undefined, msg: AidaMessage, machineId: string, key: string, at: string): JobState {
  const implied = impliedStatus(prev, msg);
  const keep = prev !== undefined && (rank(implied) < rank(prev.status) || (isTerminal(prev.status) && implied !== prev.status));
  const status = keep ? prev.status : implied;
  const changed = prev === undefined || status !== prev.status;
  const next: JobState = {
    ...prev,
    source: 'aida',
    machineId,
    key,
    status,
    lastMessageType: keep ? prev.lastMessageType : msg.messageType,
    stateSince: changed ? at : prev.stateSince,
    updatedAt: at,
  };
  const fill = <K extends keyof JobState>(field: K, value: JobState[K] | undefined) => {
    if (value !== undefined && (next[field] === undefined || !keep)) next[field] = value;
  };
  fill('jobId', msg.jobId);
  fill('correlationId', msg.correlationId);
  fill('batchId', msg.batchId);
  fill('workflowInstanceId', msg.workflowInstanceId);
  fill('sourceJobInstanceId', msg.sourceJobInstanceId);
  if (!keep && msg.errorCode !== undefined && msg.errorCode !== 'NoErrors') next.errorCode = msg.errorCode;
  // Whether a card exists must never be forgotten: once AIDA says a document was produced or a destructive
  // operation ran, a later message without the flag does not undo it.
  if (msg.documentProduced !== undefined) next.documentProduced = (prev?.documentProduced ?? false) || msg.documentProduced;
  if (msg.destructiveOperationExecuted !== undefined) {
    next.destructiveOperationExecuted = (prev?.destructiveOperationExecuted ?? false) || msg.destructiveOperationExecuted;
  }
  return next;
}
