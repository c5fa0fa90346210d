import { describe, expect, it } from 'vitest';
import { pascalMessage, workflowCompleted, workflowFaulted, workflowStarted } from '../../fixtures/aida';
import { consoleWithFakeAida, type TestConsole } from '../../helpers/core';

const live = consoleWithFakeAida();

const LINE_2 = { MachineName: 'AIDA-02', MachineSerial: 'SN-1002', HostName: 'aida-02.local' };

/** The console serving two machines told apart by serial. */
async function twoMachines() {
  const machines = (apiUrl: string) => [
    { id: 'm1', apiUrl, kind: 'box' as const, serial: 'SN-1001' },
    { id: 'm2', apiUrl, kind: 'box' as const, serial: 'SN-1002' },
  ];
  return (await live.start({}, (url) => ({ machines: machines(url) }))).core;
}

async function rows(core: TestConsole, query: { status?: string } = {}) {
  const page = await core.handlers.listJobs({ groupCancelled: true, offset: 0, limit: 50, ...query });
  if (!page.ok) throw new Error(page.error.message);
  return page.value.rows;
}

describe('messages of two machines that reuse one MessageId', () => {
  it('applies both: MessageIds are unique per machine, not across a line', async () => {
    const core = await twoMachines();
    const first = workflowStarted('1', { MessageId: 'msg-7' });
    const second = workflowStarted('2', { ...LINE_2, MessageId: 'msg-7' });
    expect(await (await core.post(first)).json()).toMatchObject({ duplicate: false });
    expect(await (await core.post(second)).json()).toMatchObject({ duplicate: false });
    expect((await rows(core)).map((j) => j.jobId).sort()).toEqual(['1', '2']);
  });

  it('keeps a repeat from the same machine as one message', async () => {
    const core = await twoMachines();
    const message = workflowStarted('3', { MessageId: 'msg-8' });
    await core.post(message);
    expect(await (await core.post(message)).json()).toMatchObject({ duplicate: true });
    expect(core.events.filter((e) => e.type === 'alerts' && e.active.some((a) => a.kind === 'message-conflict'))).toEqual([]);
  });

  it('keeps a different body under a used MessageId, alerts on it, and applies it to no job', async () => {
    const core = await twoMachines();
    await core.post(workflowStarted('4', { MessageId: 'msg-9' }));
    await core.post(workflowFaulted('4', 'CardJam', { MessageId: 'msg-9' }));
    expect((await rows(core)).map((j) => [j.jobId, j.status])).toEqual([['4', 'Running']]);
    const snapshot = await core.handlers.getSnapshot({});
    const alert = snapshot.ok ? snapshot.value.alerts.find((a) => a.kind === 'message-conflict') : undefined;
    expect(alert).toMatchObject({ title: expect.stringContaining('reused a MessageId'), text: expect.stringContaining('applied to nothing') });
    // Both bodies are in the job's messages, as they arrived.
    const detail = await core.handlers.getJobDetail({ machineId: 'm1', key: '4' });
    expect(detail.ok && detail.value.timeline.map((e) => e.type)).toEqual(['WorkflowStarted', 'WorkflowFaulted']);
  });
});

describe('jobs cancelled by another job’s error', () => {
  const cancelled = (jobId: string, source: string) =>
    pascalMessage('WorkflowCancelled', { JobId: jobId, WorkflowInstanceId: `wf-${jobId}`, JobStatus: 'Cancelled', SourceJobInstanceId: source });

  it('lists one whose cancelling job this console never saw on its own, saying so', async () => {
    const core = await twoMachines();
    await core.post(cancelled('11', '1234'));
    const [row] = await rows(core, { status: 'Cancelled' });
    expect(row).toMatchObject({ jobId: '11', status: 'Cancelled', sourceJobInstanceId: '1234', sourceJobSeen: false });
    const detail = await core.handlers.getJobDetail({ machineId: 'm1', key: '11' });
    expect(detail.ok && detail.value.job.sourceJobSeen).toBe(false);
  });

  it('groups one under its cancelling job once that job is known, whichever arrived first', async () => {
    const core = await twoMachines();
    await core.post(cancelled('12', 'wf-10'));
    await core.post(workflowFaulted('10', 'CardJam'));
    expect((await rows(core)).map((j) => [j.jobId, j.cancelledCount])).toEqual([['10', 1]]);
    await core.post(workflowFaulted('20', 'CardJam'));
    await core.post(cancelled('21', 'wf-20'));
    expect((await rows(core)).map((j) => j.jobId)).toEqual(['20', '10']);
  });
});

describe('a job run again under a new workflow instance', () => {
  it('shows its latest attempt in the queue and every attempt in its detail', async () => {
    const core = await twoMachines();
    await core.post(workflowStarted('30', { WorkflowInstanceId: 'wf-30-a' }));
    await core.post(workflowFaulted('30', 'CardJam', { WorkflowInstanceId: 'wf-30-a' }));
    await core.post(workflowStarted('30', { WorkflowInstanceId: 'wf-30-b' }));
    await core.post(workflowCompleted('30', { WorkflowInstanceId: 'wf-30-b' }));
    const [row] = await rows(core);
    expect(row).toMatchObject({ jobId: '30', status: 'Completed', workflowInstanceId: 'wf-30-b' });
    expect(row?.errorCode).toBeUndefined();
    const detail = await core.handlers.getJobDetail({ machineId: 'm1', key: '30' });
    expect(detail.ok && detail.value.job.attempts?.map((a) => [a.workflowInstanceId, a.status, a.errorCode])).toEqual([
      ['wf-30-a', 'Faulted', 'CardJam'],
      ['wf-30-b', 'Completed', undefined],
    ]);
    // The Faulted filter finds the job only by its latest attempt: it is Completed.
    expect(await rows(core, { status: 'Faulted' })).toEqual([]);
  });
});

describe('AIDA’s own final status', () => {
  it('shows a WorkflowFaulted with JobStatus Rejected as Rejected, and the Rejected filter finds it', async () => {
    const core = await twoMachines();
    await core.post(workflowFaulted('40', 'OcrExternalValidationKo', { JobStatus: 'Rejected' }));
    expect((await rows(core, { status: 'Rejected' })).map((j) => j.jobId)).toEqual(['40']);
  });
});
