import { describe, expect, it } from 'vitest';
import { parseAidaMessage } from '../../../shared/aida/message';
import { applyToJob, type JobState } from '../../../electron/core/domain/job-state';
import { matchMachine } from '../../../electron/core/domain/machine-match';

const fold = (bodies: Record<string, unknown>[]): JobState | undefined =>
  bodies.reduce<JobState | undefined>((j, b, i) => applyToJob(j, parseAidaMessage(b), 'm1', '7', `2026-11-25T10:00:0${i}.000Z`), undefined);

describe('a job folded from its messages', () => {
  it('ends Completed whether Completed arrives before or after Started', () => {
    const started = { MessageType: 'WorkflowStarted', JobId: '7' };
    const completed = { MessageType: 'WorkflowCompleted', JobId: '7', DocumentProduced: true };
    expect(fold([started, completed])?.status).toBe('Completed');
    expect(fold([completed, started])?.status).toBe('Completed');
  });

  it('keeps the first terminal status', () => {
    expect(fold([{ MessageType: 'WorkflowFaulted', JobId: '7', ErrorCode: 'CardJam' }, { MessageType: 'WorkflowCancelled', JobId: '7' }])).toMatchObject({
      status: 'Faulted',
      errorCode: 'CardJam',
    });
  });

  it('never forgets that a card was produced or a destructive operation ran', () => {
    const j = fold([
      { MessageType: 'WorkflowStarted', JobId: '7', DestructiveOperationExecuted: true },
      { MessageType: 'WorkflowFaulted', JobId: '7', DestructiveOperationExecuted: false, DocumentProduced: true },
    ]);
    expect(j).toMatchObject({ destructiveOperationExecuted: true, documentProduced: true });
  });

  it('moves between running and suspended as the machine waits on the console', () => {
    expect(fold([{ MessageType: 'WorkflowStarted', JobId: '7' }, { MessageType: 'OcrExecuted', JobId: '7' }])?.status).toBe('Suspended');
  });

  it("takes AIDA's own final status when the message type says the job failed: Rejected stays Rejected", () => {
    expect(fold([{ MessageType: 'WorkflowFaulted', JobId: '7', JobStatus: 'Rejected', ErrorCode: 'OcrExternalValidationKo' }])?.status).toBe('Rejected');
    expect(fold([{ MessageType: 'WorkflowCancelled', JobId: '7', JobStatus: 'Cancelled' }])?.status).toBe('Cancelled');
    // The type decides finality: a JobStatus of Rejected on a Started message does not end the job.
    expect(fold([{ MessageType: 'WorkflowStarted', JobId: '7', JobStatus: 'Rejected' }])?.status).toBe('Running');
    expect(fold([{ MessageType: 'WorkflowCompleted', JobId: '7', JobStatus: 'Faulted' }])?.status).toBe('Completed');
  });

  it('marks the job a scheduler suspension names as Suspended', () => {
    const j = fold([
      { MessageType: 'WorkflowStarted', JobId: '7' },
      { MessageType: 'WorkflowSchedulerSuspended', JobId: '7', ErrorCode: 'OpenInterlock' },
    ]);
    expect(j).toMatchObject({ status: 'Suspended', errorCode: 'OpenInterlock' });
  });

  it('keeps an unknown status verbatim', () => {
    expect(fold([{ MessageType: 'SomethingNew', JobId: '7', JobStatus: 'Frobnicating' }])?.status).toBe('Frobnicating');
  });
});

describe('which machine sent a message', () => {
  const machines = [
    { id: 'a', serial: 'SN-1', hostName: 'host-a', machineName: 'Alpha' },
    { id: 'b', serial: 'SN-2', hostName: 'host-b', machineName: 'Beta' },
  ];
  const of = (fields: Record<string, unknown>) => matchMachine(machines, parseAidaMessage({ MessageType: 'HealthCheck', ...fields }));

  it('matches by serial, then host name, then machine name, case-insensitively', () => {
    expect(of({ MachineSerial: 'sn-2', HostName: 'host-a' })).toBe('b');
    expect(of({ HostName: 'HOST-A', MachineName: 'Beta' })).toBe('a');
    expect(of({ MachineName: 'beta' })).toBe('b');
  });

  it('puts an unmatched message under the unknown machine', () => {
    expect(of({ MachineSerial: 'SN-9' })).toBe('unknown');
  });

  it('gives every message to the only machine there is', () => {
    expect(matchMachine([{ id: 'solo' }], parseAidaMessage({ MachineSerial: 'whatever' }))).toBe('solo');
  });
});

describe('a job run again under a new workflow instance', () => {
  const started = (wf: string) => ({ MessageType: 'WorkflowStarted', JobId: '7', WorkflowInstanceId: wf });
  const faulted = (wf: string) => ({ MessageType: 'WorkflowFaulted', JobId: '7', WorkflowInstanceId: wf, ErrorCode: 'CardJam', DestructiveOperationExecuted: true });
  const completed = (wf: string) => ({ MessageType: 'WorkflowCompleted', JobId: '7', WorkflowInstanceId: wf, DocumentProduced: true });

  it('shows the latest attempt, and lists every attempt oldest first', () => {
    const j = fold([started('wf-1'), faulted('wf-1'), started('wf-2'), completed('wf-2')]);
    expect(j).toMatchObject({ status: 'Completed', workflowInstanceId: 'wf-2', documentProduced: true });
    expect(j?.errorCode).toBeUndefined();
    expect(j?.destructiveOperationExecuted).toBeUndefined();
    expect(j?.attempts?.map((a) => [a.workflowInstanceId, a.status, a.errorCode])).toEqual([
      ['wf-1', 'Faulted', 'CardJam'],
      ['wf-2', 'Completed', undefined],
    ]);
  });

  it('folds a late message of the first attempt into the first attempt, leaving what the job shows', () => {
    const j = fold([started('wf-1'), started('wf-2'), faulted('wf-1'), completed('wf-2')]);
    expect(j).toMatchObject({ status: 'Completed', workflowInstanceId: 'wf-2' });
    expect(j?.attempts?.map((a) => [a.workflowInstanceId, a.status])).toEqual([
      ['wf-1', 'Faulted'],
      ['wf-2', 'Completed'],
    ]);
  });

  it('keeps an attempt never seen starting before the latest one', () => {
    const j = fold([started('wf-2'), faulted('wf-1')]);
    expect(j).toMatchObject({ status: 'Running', workflowInstanceId: 'wf-2' });
    expect(j?.attempts?.map((a) => a.workflowInstanceId)).toEqual(['wf-1', 'wf-2']);
  });

  it('is one attempt when the first message names no instance and a later one does', () => {
    const j = fold([{ MessageType: 'WorkflowStarted', JobId: '7' }, completed('wf-1')]);
    expect(j).toMatchObject({ status: 'Completed', workflowInstanceId: 'wf-1' });
    expect(j?.attempts).toBeUndefined();
  });
});
