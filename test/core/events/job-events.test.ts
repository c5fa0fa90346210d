import { afterEach, describe, expect, it } from 'vitest';
import type { ConsoleEvent } from '../../../shared/api/contract';
import type { JobView } from '../../../shared/api/views';
import { pascalMessage, workflowCompleted, workflowFaulted, workflowStarted } from '../../fixtures/aida';
import { startTestConsole, testConfig, type TestConsole } from '../../helpers/core';

let core: TestConsole | undefined;
afterEach(async () => {
  await core?.stop();
  core = undefined;
});

/** Every job the core pushed so far, the last push of each. */
function pushed(c: TestConsole): Map<string, JobView> {
  const jobs = new Map<string, JobView>();
  for (const e of c.events) if (e.type === 'jobs') for (const j of e.jobs) jobs.set(j.key, j);
  return jobs;
}

const cancelled = (jobId: string, source: string) =>
  pascalMessage('WorkflowCancelled', { JobId: jobId, WorkflowInstanceId: `wf-${jobId}`, JobStatus: 'Cancelled', ErrorCode: 'CancelledOnStartup', SourceJobInstanceId: source });

describe('the jobs the core pushes to the UI', () => {
  it('are each as the queue lists it: its place in the order, its error code, the jobs its error cancelled', async () => {
    core = await startTestConsole(testConfig());
    await core.post(workflowStarted('40'));
    await core.post(workflowStarted('41'));
    await core.post(workflowFaulted('40', 'CardJam'));
    await core.waitForEvent((e: ConsoleEvent) => e.type === 'jobs' && e.jobs.some((j) => j.key === '40' && j.status === 'Faulted'));
    const first = pushed(core);
    expect(first.get('41')?.firstSeen).toBeGreaterThan(first.get('40')?.firstSeen ?? Infinity);
    // The code, which each page says in its own language.
    expect(first.get('40')).toMatchObject({ errorCode: 'CardJam' });
    expect(first.get('40')?.errorText).toBeUndefined();

    // A job cancelled by 40's card jam: pushed as grouped under it, and 40 pushed again with its count.
    await core.post(cancelled('42', 'wf-40'));
    await core.waitForEvent((e: ConsoleEvent) => e.type === 'jobs' && e.jobs.some((j) => j.key === '42'));
    const after = pushed(core);
    expect(after.get('42')).toMatchObject({ status: 'Cancelled', sourceJobSeen: true });
    expect(after.get('40')?.cancelledCount).toBe(1);

    // What was pushed is what a page reads.
    const page = await core.handlers.listJobs({ groupCancelled: true, offset: 0, limit: 100 });
    expect(page.ok && page.value.rows).toEqual([after.get('41'), after.get('40')]);
  });

  it('include the jobs a newly known job takes under it, which leave the queue\'s own rows', async () => {
    core = await startTestConsole(testConfig());
    // The cancelled job's message comes before its source job's.
    await core.post(cancelled('51', 'wf-50'));
    await core.waitForEvent((e: ConsoleEvent) => e.type === 'jobs' && e.jobs.some((j) => j.key === '51'));
    expect(pushed(core).get('51')?.sourceJobSeen).toBe(false);
    await core.post(workflowStarted('50'));
    await core.post(workflowCompleted('52'));
    await core.waitForEvent((e: ConsoleEvent) => e.type === 'jobs' && e.jobs.some((j) => j.key === '51' && j.sourceJobSeen === true));
    expect(pushed(core).get('50')?.cancelledCount).toBe(1);
  });
});
