import { describe, expect, it } from 'vitest';
import { pascalMessage, workflowCompleted, workflowStarted } from '../../fixtures/aida';
import { consoleWithFakeAida, reconciliations, type TestConsole } from '../../helpers/core';
import type { FakeAida } from '../../helpers/fake-aida';

const live = consoleWithFakeAida();

const STATE_PATH = '/aida/v1/workflow-scheduler/state';
const RESUME_ITEMS_PATH = '/aida/v1/workflow-scheduler/resume-items';

async function suspendedOnJob5() {
  const { core, aida } = await live.start({}, {}, { outboxTiming: { retryDelaysMs: [50, 100], reconcileDelayMs: 50, resumeCheckMs: 30 } });
  aida.respond(STATE_PATH, 200, { status: 'Running', errors: [] });
  // The start-up poll reconciles once: wait for it, so that it is not taken for the check after Resume.
  await reconciliations(core, 1);
  await core.post(workflowStarted('5'));
  await core.post(pascalMessage('WorkflowSchedulerSuspended', { ErrorCode: 'OpenInterlock', JobId: '5', WorkflowInstanceId: 'wf-5' }));
  return { core, aida };
}

async function scheduler(c: TestConsole) {
  const snap = await c.handlers.getSnapshot({});
  if (!snap.ok) throw new Error(snap.error.message);
  return { machine: snap.value.machines[0], alerts: snap.value.alerts };
}

/** Presses Resume and waits until the check after it has been logged (reads fold it before they answer). */
async function resumeChecked(c: TestConsole, a: FakeAida) {
  const resumed = await c.handlers.resume({ machineId: 'm1' });
  expect(resumed.ok && resumed.value.state).toBe('acknowledged');
  await reconciliations(c, 2);
  expect(a.calls.filter((x) => x.path === RESUME_ITEMS_PATH)).toHaveLength(2);
}

describe('after an accepted Resume', () => {
  it('marks the job the suspension named as Suspended', async () => {
    const { core } = await suspendedOnJob5();
    const page = await core.handlers.listJobs({ offset: 0, limit: 10 });
    expect(page.ok && page.value.rows.map((j) => [j.jobId, j.status])).toEqual([['5', 'Suspended']]);
  });

  it('clears the suspension when the machine reads no work waiting for Resume, though no new card started', async () => {
    const { core, aida } = await suspendedOnJob5();
    aida.respond(RESUME_ITEMS_PATH, 200, []);
    await resumeChecked(core, aida);
    const { machine, alerts } = await scheduler(core);
    expect(machine?.scheduler).toBe('running');
    expect(alerts.filter((a) => a.kind === 'suspension')).toEqual([]);
  });

  it('keeps the suspension, its alert and its Resume while work still waits for Resume', async () => {
    const { core, aida } = await suspendedOnJob5();
    aida.respond(RESUME_ITEMS_PATH, 200, [{ id: 'wf-5' }]);
    await resumeChecked(core, aida);
    const { machine, alerts } = await scheduler(core);
    expect(machine).toMatchObject({ scheduler: 'suspended', suspension: { code: 'OpenInterlock', resumable: true } });
    expect(alerts.map((a) => a.kind)).toContain('suspension');
  });

  it('clears the suspension when the job it named completes', async () => {
    const { core } = await suspendedOnJob5();
    await core.post(workflowCompleted('5'));
    const { machine } = await scheduler(core);
    expect(machine?.scheduler).toBe('running');
  });
});
