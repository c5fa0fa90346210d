import type { JobState } from '../job-state';

/** RapIDadmin print jobs share the AIDA job queue under this machine id; their source says which system they are. */
export const RAPIDADMIN_MACHINE_ID = 'rapidadmin';

export type PrintAction = 'Started' | 'Complete' | 'Failed';

/** The queue's own words, so one status filter finds AIDA and RapIDadmin jobs alike. */
const STATUS: Record<PrintAction, string> = { Started: 'Running', Complete: 'Completed', Failed: 'Faulted' };

export const PRINT_FAILED_CODE = 'PrintJob.Failed';

/**
 * Folds a print event into its job. Pure. With the fallback identity (PersonId + CardTemplateId) every print of one
 * card has the same key, so a Started after the job ended is the next attempt (a reprint), not a late delivery: the
 * doc's reprint sequence is exactly that.
 */
export function applyPrintEvent(prev: JobState | undefined, action: PrintAction, event: string, key: string, at: string): JobState {
  const status = STATUS[action];
  const { errorCode: _previousError, ...rest } = prev ?? ({} as Partial<JobState>);
  const next: JobState = {
    ...rest,
    source: 'rapidadmin',
    machineId: RAPIDADMIN_MACHINE_ID,
    key,
    jobId: key,
    status,
    lastMessageType: event,
    stateSince: prev && prev.status === status ? prev.stateSince : at,
    updatedAt: at,
  };
  if (action === 'Failed') next.errorCode = PRINT_FAILED_CODE;
  return next;
}
