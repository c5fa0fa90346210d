import type { AidaMessage } from '../../../shared/aida/message';
import type { MachineState } from './machine-state';

/**
 * What the console learnt from the machine's REST API (GET state, GET workflow-instances/suspended) after it could
 * not hear the machine for a while. Logged as an event of its own so projections stay rebuildable from the log.
 */
export interface Reconciliation {
  /** The newest event seq when the API was asked: anything logged after it is fresher than this answer. */
  asOfSeq: number;
  schedulerStatus?: string;
  stopReason?: string;
  /** Absent when the machine does not offer the list (desktop variant). */
  suspendedInstanceIds?: string[];
  /**
   * How many workflows wait in a recoverable error (GET resume-items). The scheduler's status cannot say so: during an
   * interlock or a jam it reads Running. Absent when not offered.
   */
  resumeItemCount?: number;
}

/** The code of a suspension the API shows (resume items) without any webhook having said why (`aida:reasonUnknown`). */
export const REASON_UNKNOWN = 'ReasonUnknown';

export const RECONCILED_TYPE = 'ConsoleReconciled';

export type ReconciledMessage = AidaMessage & { reconciliation: Reconciliation };

export function reconciledMessage(reconciliation: Reconciliation): ReconciledMessage {
  return { messageType: RECONCILED_TYPE, notes: [], reconciliation };
}

export function isReconciled(msg: AidaMessage): msg is ReconciledMessage {
  return msg.messageType === RECONCILED_TYPE && 'reconciliation' in msg;
}

const RUNNING_STATUSES = new Set(['Starting', 'Running', 'Waiting', 'JobQueueEmpty']);

/**
 * Folds the API's view into the scheduler state. The API cannot say OpenInterlock or CardJam (its status has no
 * Suspended value, and reads Running during an interlock or a jam), so a suspension is cleared only when the list of
 * work waiting for Resume was read and found empty, never by the status alone; it is set only for FeederEmpty.
 */
export function applyReconciliation(prev: MachineState, r: Reconciliation, at: string): MachineState {
  const status = r.schedulerStatus;
  if (!status) return prev;
  const { suspension: _s, stopReason: _r, ...rest } = prev;
  if ((r.resumeItemCount ?? 0) > 0 && status !== 'Stopped' && status !== 'Stopping') {
    // Work waits for Resume: keep what a webhook said about it, else show it as suspended for a reason unknown.
    return prev.scheduler === 'suspended' ? prev : { ...rest, scheduler: 'suspended', schedulerSince: at, suspension: { code: REASON_UNKNOWN, since: at } };
  }
  if (RUNNING_STATUSES.has(status)) {
    if (prev.scheduler === 'suspended' && r.resumeItemCount !== 0) return prev;
    return prev.scheduler === 'running' ? prev : { ...rest, scheduler: 'running', schedulerSince: at };
  }
  if (status === 'Stopping') return prev.scheduler === 'stopping' ? prev : { ...rest, scheduler: 'stopping', schedulerSince: at };
  if (status === 'Stopped') {
    if (prev.scheduler === 'stopped') return prev;
    return { ...rest, scheduler: 'stopped', schedulerSince: at, ...(r.stopReason ? { stopReason: r.stopReason } : {}) };
  }
  if (status === 'FeederEmpty' && prev.scheduler !== 'suspended') {
    return { ...rest, scheduler: 'suspended', schedulerSince: at, suspension: { code: 'FeederEmpty', since: at } };
  }
  return prev;
}
