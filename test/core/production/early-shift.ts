import { credential, printJob } from '../../fixtures/rapidadmin';
import type { ProductionHarness } from './harness';

/**
 * One known early shift in Berlin (06:00–14:00 CET on 2 March 2026 = 05:00–13:00 UTC), every outcome once:
 *
 * m1, batch B1, template "Student ID" (Start at 04:59 by olga):
 *   J1 completed · J2 faulted, produced and destroyed · J3 rejected, nothing destroyed · J4 faulted (CardJam), not
 *   reported whether destroyed · J5 cancelled by J4's error · J6 faulted and destroyed, run again, completed ·
 *   J7 started 07:11 and never finished.
 * m2, batch B2: J8 completed (m2 never sent a scheduler message).
 * RapIDadmin: one reprint sequence (Credential.Updated, Started, Complete).
 * m1's line: running from 05:00; FeederEmpty 07:00 (olga resumes 07:10, J7 takes a card 07:11); OpenInterlock 08:00;
 *   stopped (ManualStop) 08:30; started again 12:00 by a Start of template "Staff ID" sent 11:59 by olga.
 * After the shift: J9 on m1 at 13:30 (the late shift).
 */
export const EARLY = { from: '2026-03-02T05:00:00.000Z', to: '2026-03-02T13:00:00.000Z' };

const T = (hhmm: string) => `2026-03-02T${hhmm}:00.000Z`;

export async function seedEarlyShift(h: ProductionHarness): Promise<void> {
  const m1 = (fields: Record<string, unknown>) => ({ MachineName: 'm1', ...fields });
  const job = (id: string, wf: string, fields: Record<string, unknown>) => m1({ JobId: id, BatchId: 'B1', WorkflowInstanceId: wf, ...fields });
  h.command('m1', 'start', 'olga@line1', T('04:59'), { jobTemplateName: 'Student ID' });
  await h.aida(T('05:00'), m1({ MessageType: 'WorkflowSchedulerStarted' }));

  await h.aida(T('05:10'), job('J1', 'wf-1', { MessageType: 'WorkflowStarted' }));
  await h.aida(T('05:11'), job('J1', 'wf-1', { MessageType: 'WorkflowCompleted', DocumentProduced: true }));
  await h.aida(T('05:20'), job('J2', 'wf-2', { MessageType: 'WorkflowStarted' }));
  await h.aida(T('05:21'), job('J2', 'wf-2', {
    MessageType: 'WorkflowFaulted',
    ErrorCode: 'MarkLayoutFailed',
    DocumentProduced: true,
    DestructiveOperationExecuted: true,
  }));
  await h.aida(T('05:30'), job('J3', 'wf-3', { MessageType: 'WorkflowStarted' }));
  await h.aida(T('05:31'), job('J3', 'wf-3', {
    MessageType: 'WorkflowFaulted',
    JobStatus: 'Rejected',
    ErrorCode: 'OcrExternalValidationKo',
    DestructiveOperationExecuted: false,
  }));
  await h.aida(T('05:40'), job('J4', 'wf-4', { MessageType: 'WorkflowStarted' }));
  await h.aida(T('05:41'), job('J4', 'wf-4', { MessageType: 'WorkflowFaulted', ErrorCode: 'CardJam' }));
  await h.aida(T('05:41'), job('J5', 'wf-5', { MessageType: 'WorkflowStarted' }));
  await h.aida(T('05:42'), job('J5', 'wf-5', { MessageType: 'WorkflowCancelled', SourceJobInstanceId: 'wf-4' }));
  await h.aida(T('06:00'), job('J6', 'wf-6a', { MessageType: 'WorkflowStarted' }));
  await h.aida(T('06:01'), job('J6', 'wf-6a', { MessageType: 'WorkflowFaulted', ErrorCode: 'CardJam', DestructiveOperationExecuted: true }));
  await h.aida(T('06:05'), job('J6', 'wf-6b', { MessageType: 'WorkflowStarted' }));
  await h.aida(T('06:06'), job('J6', 'wf-6b', { MessageType: 'WorkflowCompleted', DocumentProduced: true }));

  await h.rapidadmin(T('06:20'), credential('Updated'));
  await h.rapidadmin(T('06:21'), printJob('Started'));
  await h.rapidadmin(T('06:22'), printJob('Complete'));

  await h.aida(T('06:30'), { MachineName: 'm2', JobId: 'J8', BatchId: 'B2', WorkflowInstanceId: 'wf-8', MessageType: 'WorkflowStarted' });
  await h.aida(T('06:31'), { MachineName: 'm2', JobId: 'J8', BatchId: 'B2', WorkflowInstanceId: 'wf-8', MessageType: 'WorkflowCompleted' });

  await h.aida(T('07:00'), m1({ MessageType: 'WorkflowSchedulerSuspended', ErrorCode: 'FeederEmpty' }));
  h.command('m1', 'resume', 'olga@line1', T('07:10'));
  await h.aida(T('07:11'), job('J7', 'wf-7', { MessageType: 'WorkflowStarted' }));
  await h.aida(T('08:00'), m1({ MessageType: 'WorkflowSchedulerSuspended', ErrorCode: 'OpenInterlock' }));
  await h.aida(T('08:30'), m1({ MessageType: 'WorkflowSchedulerStopped', StopReason: 'ManualStop' }));
  h.command('m1', 'start', 'olga@line1', T('11:59'), { jobTemplateName: 'Staff ID' });
  await h.aida(T('12:00'), m1({ MessageType: 'WorkflowSchedulerStarted' }));
}

/** After the shift: J9 on m1, in the late shift. */
export async function seedLateShiftJob(h: ProductionHarness): Promise<void> {
  await h.aida(T('13:30'), { MachineName: 'm1', JobId: 'J9', BatchId: 'B1', WorkflowInstanceId: 'wf-9', MessageType: 'WorkflowStarted' });
  await h.aida(T('13:31'), { MachineName: 'm1', JobId: 'J9', BatchId: 'B1', WorkflowInstanceId: 'wf-9', MessageType: 'WorkflowCompleted' });
}
