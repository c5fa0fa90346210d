import type { AidaMessage } from '../../../shared/aida/message';
import { RECOVERABLE_CODES } from '../../../shared/aida/vocabulary';
import type { SchedulerState } from '../../../shared/api/views';
import { applyReconciliation, isReconciled, RECONCILED_TYPE } from './reconciliation';

/** What the console knows of one machine's scheduler, folded from its messages. Stored as JSON per machine. */
export interface MachineState {
  scheduler: SchedulerState;
  schedulerSince?: string;
  stopReason?: string;
  /** Set while issuance waits for Resume or Stop. */
  suspension?: { code: string; since: string };
  lastMessageAt?: string;
  lastHealthCheckAt?: string;
}

export const INITIAL_MACHINE_STATE: MachineState = { scheduler: 'unknown' };

const JOB_PROGRESS_TYPES = new Set(['WorkflowStarted', 'EncoderLoaded', 'OcrExecuted']);

function enter(prev: MachineState, scheduler: SchedulerState, at: string): MachineState {
  const { suspension: _dropped, stopReason: _reason, ...rest } = prev;
  return { ...rest, scheduler, schedulerSince: prev.scheduler === scheduler ? (prev.schedulerSince ?? at) : at };
}

function suspend(prev: MachineState, code: string, at: string): MachineState {
  const same = prev.scheduler === 'suspended' && prev.suspension?.code === code;
  return {
    ...enter(prev, 'suspended', at),
    suspension: { code, since: same && prev.suspension ? prev.suspension.since : at },
    schedulerSince: same ? (prev.schedulerSince ?? at) : at,
  };
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
      return suspend(seen, code ?? 'Unknown', at);
    case 'FeederEmpty':
      return suspend(seen, 'FeederEmpty', at);
    case 'WorkflowSchedulerStopped':
      if (!msg.stopReason && code && RECOVERABLE_CODES.includes(code)) return suspend(seen, code, at);
      return { ...enter(seen, 'stopped', at), ...(msg.stopReason ? { stopReason: msg.stopReason } : {}) };
    case 'HealthCheck':
      return { ...seen, lastHealthCheckAt: at };
    case RECONCILED_TYPE:
      // Learnt from the API, not heard from the machine: the last-message time stays what it was.
      return isReconciled(msg) ? applyReconciliation(prev, msg.reconciliation, at) : prev;
    default:
      // A card leaving the feeder after a suspension means the machine runs again. A job finishing does not: jobs
      // already inside the machine complete while the feeder is empty.
      if (JOB_PROGRESS_TYPES.has(msg.messageType) && (seen.scheduler === 'suspended' || seen.scheduler === 'unknown')) {
        return enter(seen, 'running', at);
      }
      return seen;
  }
}
