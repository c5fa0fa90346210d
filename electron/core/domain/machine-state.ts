import type { AidaMessage } from '../../../shared/aida/message';
import type { SchedulerState } from '../../../shared/api/views';
import { isJobMessage, isSchedulerSuspension, jobKeyOf } from './job-state';
import { applyReconciliation, isReconciled, RECONCILED_TYPE } from './reconciliation';

/** What the console knows of one machine's scheduler, folded from its messages. Stored as JSON per machine. */
export interface MachineState {
  scheduler: SchedulerState;
  schedulerSince?: string;
  stopReason?: string;
  /** Set while issuance waits for Resume or Stop. */
  suspension?: Suspension;
  lastMessageAt?: string;
  lastHealthCheckAt?: string;
}

export interface Suspension {
  code: string;
  since: string;
  /** The jobs the suspension messages named (job keys): a later message about one of them means the machine moved on. */
  jobs?: string[];
  /** Their workflow instances, for messages that name only the instance. */
  instances?: string[];
}

export const INITIAL_MACHINE_STATE: MachineState = { scheduler: 'unknown' };

const JOB_PROGRESS_TYPES = new Set(['WorkflowStarted', 'EncoderLoaded', 'OcrExecuted']);

function enter(prev: MachineState, scheduler: SchedulerState, at: string): MachineState {
  const { suspension: _dropped, stopReason: _reason, ...rest } = prev;
  return { ...rest, scheduler, schedulerSince: prev.scheduler === scheduler ? (prev.schedulerSince ?? at) : at };
}

function suspend(prev: MachineState, msg: AidaMessage, code: string, at: string): MachineState {
  const same = prev.scheduler === 'suspended' && prev.suspension?.code === code;
  const kept = same ? prev.suspension : undefined;
  const add = (list: string[] | undefined, value: string | undefined) => (value && !list?.includes(value) ? [...(list ?? []), value] : list);
  const jobs = add(kept?.jobs, jobKeyOf(msg));
  const instances = add(kept?.instances, msg.workflowInstanceId);
  return {
    ...enter(prev, 'suspended', at),
    suspension: { code, since: kept ? kept.since : at, ...(jobs ? { jobs } : {}), ...(instances ? { instances } : {}) },
    schedulerSince: same ? (prev.schedulerSince ?? at) : at,
  };
}

/** Whether a job message is about a job the suspension named: the machine has moved on with it. */
function namesSuspendedJob(suspension: Suspension | undefined, msg: AidaMessage): boolean {
  if (!suspension || !isJobMessage(msg)) return false;
  const key = jobKeyOf(msg);
  return (key !== undefined && (suspension.jobs?.includes(key) ?? false)) ||
    (msg.workflowInstanceId !== undefined && (suspension.instances?.includes(msg.workflowInstanceId) ?? false));
}

/**
 * Folds one message into the machine's scheduler state. Pure: time is passed in.
 *
 * Suspended or stopped (PROTOCOLS.md): a Suspended message is a suspension; a Stopped message with a stop reason is a
 * stop whatever its error code (FeederEmpty there is the reason for a stop requested while suspended); a Stopped
 * message without a stop reason but with a recoverable code is the seed's own suspension example.
 */
export function applyToMachine(prev: MachineState, msg: AidaMessage, at: string): MachineState {
  const seen: MachineState = { ...prev, lastMessageAt: at };
  const code = msg.errorCode;
  switch (msg.messageType) {
    case 'WorkflowSchedulerStarted':
      return enter(seen, 'running', at);
    case 'WorkflowSchedulerStopping':
      return { ...enter(seen, 'stopping', at), ...(msg.stopReason ? { stopReason: msg.stopReason } : {}) };
    case 'WorkflowSchedulerSuspended':
      return suspend(seen, msg, code ?? 'Unknown', at);
    case 'FeederEmpty':
      return suspend(seen, msg, 'FeederEmpty', at);
    case 'WorkflowSchedulerStopped':
      if (isSchedulerSuspension(msg)) return suspend(seen, msg, code ?? 'Unknown', at);
      return { ...enter(seen, 'stopped', at), ...(msg.stopReason ? { stopReason: msg.stopReason } : {}) };
    case 'HealthCheck':
      return { ...seen, lastHealthCheckAt: at };
    case RECONCILED_TYPE:
      // Learnt from the API, not heard from the machine: the last-message time stays what it was.
      return isReconciled(msg) ? applyReconciliation(prev, msg.reconciliation, at) : prev;
    default:
      // A card leaving the feeder after a suspension means the machine runs again. A job finishing does not by itself:
      // jobs already inside the machine complete while the feeder is empty. But any message about a job the
      // suspension named (it was Suspended by it) means the machine has moved on with that very job.
      if (JOB_PROGRESS_TYPES.has(msg.messageType) && (seen.scheduler === 'suspended' || seen.scheduler === 'unknown')) {
        return enter(seen, 'running', at);
      }
      if (seen.scheduler === 'suspended' && namesSuspendedJob(seen.suspension, msg)) return enter(seen, 'running', at);
      return seen;
  }
}
