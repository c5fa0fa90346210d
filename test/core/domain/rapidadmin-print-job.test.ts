import { describe, expect, it } from 'vitest';
import { applyPrintEvent, PRINT_FAILED_CODE } from '../../../electron/core/domain/rapidadmin/print-job';

describe('RapIDadmin print jobs in the job queue', () => {
  it('moves Started -> Completed under the queue\'s words, as source rapidadmin', () => {
    const started = applyPrintEvent(undefined, 'Started', 'RapIDAdmin.PrintJob.Started', 'p/t', 't1');
    expect(started).toMatchObject({ source: 'rapidadmin', machineId: 'rapidadmin', key: 'p/t', jobId: 'p/t', status: 'Running', stateSince: 't1' });
    const done = applyPrintEvent(started, 'Complete', 'RapIDAdmin.PrintJob.Complete', 'p/t', 't2');
    expect(done).toMatchObject({ status: 'Completed', lastMessageType: 'RapIDAdmin.PrintJob.Complete', stateSince: 't2', updatedAt: 't2' });
  });

  it('marks a failed print, and clears the failure when the card is printed again', () => {
    const failed = applyPrintEvent(undefined, 'Failed', 'RapIDAdmin.PrintJob.Failed', 'k', 't1');
    expect(failed).toMatchObject({ status: 'Faulted', errorCode: PRINT_FAILED_CODE });
    const retried = applyPrintEvent(failed, 'Started', 'RapIDAdmin.PrintJob.Started', 'k', 't2');
    expect(retried.status).toBe('Running');
    expect(retried.errorCode).toBeUndefined();
  });

  it('keeps the time a state began when the same state is reported again', () => {
    const a = applyPrintEvent(undefined, 'Started', 'RapIDAdmin.PrintJob.Started', 'k', 't1');
    expect(applyPrintEvent(a, 'Started', 'RapIDAdmin.PrintJob.Started', 'k', 't2')).toMatchObject({ stateSince: 't1', updatedAt: 't2' });
  });
});
