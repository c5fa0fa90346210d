import { describe, expect, it } from 'vitest';
import { AIDA_ENDPOINTS } from '../../../electron/core/aida/endpoints';
import { ocrExecuted, pascalMessage, workflowStarted } from '../../fixtures/aida';
import { consoleWithFakeAida, reconciliations, type TestConsole } from '../../helpers/core';
import { startFakeAida } from '../../helpers/fake-aida';

/**
 * A machine that offers AIDA 1.6's job-instances/suspended where 1.0's workflow-instances/suspended and resume-items
 * answer 404: the poller reconciles with what the machine offers, and keeps its rule — a suspension is cleared only
 * when the waiting work is read as empty, never on the status alone.
 */

const live = consoleWithFakeAida();

const JOBS = AIDA_ENDPOINTS.suspendedJobs.path;

function only16(c: { respond(path: string, status: number, body: unknown): void }) {
  c.respond(AIDA_ENDPOINTS.state.path, 200, { status: 'Running', errors: [] });
  c.respond(AIDA_ENDPOINTS.resumeItems.path, 404, { error: 'not found' });
  c.respond(AIDA_ENDPOINTS.suspendedWorkflows.path, 404, { error: 'not found' });
}

async function suspendedOnJob5() {
  const { core, aida } = await live.start({}, {}, { outboxTiming: { retryDelaysMs: [50, 100], reconcileDelayMs: 50, resumeCheckMs: 30 } });
  only16(aida);
  aida.respond(JOBS, 200, []);
  await core.pollMachines();
  await reconciliations(core, 1);
  await core.post(workflowStarted('5'));
  await core.post(pascalMessage('WorkflowSchedulerSuspended', { ErrorCode: 'OpenInterlock', JobId: '5', WorkflowInstanceId: 'wf-5' }));
  return { core, aida };
}

async function view(c: TestConsole) {
  const snap = await c.handlers.getSnapshot({});
  if (!snap.ok) throw new Error(snap.error.message);
  return snap.value;
}

const suspendedJob = (errorCodes: string) => ({ id: 12, jobId: '5', workflowInstanceId: 'wf-5', jobStatus: 'Suspended', errorCodes });

describe('reconciling with AIDA 1.6\'s job-instances/suspended', () => {
  it('clears the suspension after Resume when no suspended job carries an error code', async () => {
    const { core, aida } = await suspendedOnJob5();
    aida.respond(JOBS, 200, []);
    expect((await core.handlers.resume({ machineId: 'm1' })).ok).toBe(true);
    await reconciliations(core, 2);
    expect((await view(core)).machines[0]?.scheduler).toBe('running');
  });

  it('keeps it while a suspended job still carries its error code', async () => {
    const { core, aida } = await suspendedOnJob5();
    aida.respond(JOBS, 200, [suspendedJob('OpenInterlock')]);
    expect((await core.handlers.resume({ machineId: 'm1' })).ok).toBe(true);
    await reconciliations(core, 2);
    const after = await view(core);
    expect(after.machines[0]).toMatchObject({ scheduler: 'suspended', suspension: { code: 'OpenInterlock' } });
    expect(aida.calls.filter((c) => c.path === JOBS).length).toBeGreaterThanOrEqual(2);
  });

  it('keeps it while a suspended job carries a code this console does not know', async () => {
    const { core, aida } = await suspendedOnJob5();
    aida.respond(JOBS, 200, [suspendedJob('LaserOverheat')]);
    expect((await core.handlers.resume({ machineId: 'm1' })).ok).toBe(true);
    await reconciliations(core, 2);
    expect((await view(core)).machines[0]?.scheduler).toBe('suspended');
  });

  it('closes a review the machine no longer waits on, and keeps one it still lists', async () => {
    const { core, aida } = await live.start();
    only16(aida);
    aida.respond(JOBS, 200, []);
    await core.pollMachines();
    await core.post(ocrExecuted('6'));
    await core.post(ocrExecuted('7'));
    const port = Number(new URL(aida.url).port);
    await aida.close();
    await core.pollMachines();
    const back = await startFakeAida(port);
    only16(back);
    back.respond(JOBS, 200, [{ id: 9, jobId: '7', workflowInstanceId: 'wf-7', jobStatus: 'Suspended', errorCodes: 'NoErrors' }]);
    try {
      await core.pollMachines();
      const after = await view(core);
      expect(after.reviews.map((r) => r.workflowInstanceId)).toEqual(['wf-7']);
      // A job waiting for a signal is not work waiting for Resume: nothing was suspended, nothing is invented.
      expect(after.machines[0]?.scheduler).not.toBe('suspended');
    } finally {
      await back.close();
    }
  });
});
