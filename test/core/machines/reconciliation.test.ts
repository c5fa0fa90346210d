import { describeSuspension } from '../../../shared/aida/vocabulary-texts';
import { translator } from '../../../shared/i18n/translate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { feederEmptySuspended, ocrExecuted, SUSPENDED_PATH, workflowStarted } from '../../fixtures/aida';
import { startTestConsole, testConfig, type TestConsole } from '../../helpers/core';
import { startFakeAida, type FakeAida } from '../../helpers/fake-aida';

let core: TestConsole | undefined;
let aida: FakeAida | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await core?.stop();
  await aida?.close();
  core = undefined;
  aida = undefined;
});

const STATE_PATH = '/aida/v1/workflow-scheduler/state';

async function start(kind: 'box' | 'desktop' = 'box') {
  aida = await startFakeAida();
  aida.respond(STATE_PATH, 200, { status: 'Running', errors: [] });
  aida.respond('/aida/v1/workflow-scheduler/metrics', 200, { jobsPerHour: 118.5, runningJobs: 2, faultedJobs: 1 });
  core = await startTestConsole(testConfig({ machines: [{ id: 'm1', apiUrl: aida.url, kind }] }));
  return { core, aida };
}

async function machine(c: TestConsole) {
  const snap = await c.handlers.getSnapshot({});
  if (!snap.ok) throw new Error(snap.error.message);
  return snap.value;
}

describe('what the console learns from the machine API', () => {
  it('shows metrics and whether the API answers', async () => {
    const { core } = await start();
    await core.pollMachines();
    expect((await machine(core)).machines[0]).toMatchObject({ apiReachable: true, metrics: { jobsPerHour: 118.5, faultedJobs: 1 } });
  });

  it('raises an alert when the API stops answering, and closes it when it answers again', async () => {
    const { core, aida } = await start();
    await core.pollMachines();
    const port = Number(new URL(aida.url).port);
    await aida.close();
    await core.pollMachines();
    const down = await machine(core);
    expect(down.machines[0]?.apiReachable).toBe(false);
    expect(down.alerts.map((a) => a.kind)).toContain('unreachable');
    const back = await startFakeAida(port);
    back.respond(STATE_PATH, 200, { status: 'Running' });
    await core.pollMachines();
    const up = await machine(core);
    expect(up.alerts.map((a) => a.kind)).not.toContain('unreachable');
    const history = await core.handlers.listAlertHistory({ limit: 10 });
    expect(history.ok && history.value.rows.find((a) => a.kind === 'unreachable')?.closedReason).toBe('the machine answers again');
    await back.close();
  });

  it('closes reviews and suspensions the machine no longer has after it comes back', async () => {
    const { core, aida } = await start();
    await core.pollMachines();
    await core.post(ocrExecuted('60'));
    await core.post(feederEmptySuspended());
    expect((await machine(core)).reviews).toHaveLength(1);
    const port = Number(new URL(aida.url).port);
    await aida.close();
    await core.pollMachines();
    const back = await startFakeAida(port);
    back.respond(STATE_PATH, 200, { status: 'Running' });
    back.respond(SUSPENDED_PATH, 200, [{ id: 'wf-orphan' }]);
    await core.pollMachines();
    const after = await machine(core);
    expect(after.machines[0]?.scheduler).toBe('running');
    expect(after.alerts.filter((a) => a.kind === 'suspension')).toEqual([]);
    // The OCR review is gone; the instance no webhook explained is shown as "reason unknown".
    expect(after.reviews.map((r) => [r.workflowInstanceId, r.kind])).toEqual([['wf-orphan', 'unknown']]);
    const approve = await core.handlers.decide({ reviewId: after.reviews[0]?.id ?? 0, outcome: 'Completed' });
    expect(approve).toMatchObject({ ok: false, error: { message: expect.stringContaining('only Reject is safe') } });
    await back.close();
  });

  it('keeps an interlock suspension the API shows only as resume items (its status reads Running)', async () => {
    const { core, aida } = await start();
    await core.pollMachines();
    await core.post({ MessageType: 'WorkflowSchedulerSuspended', ErrorCode: 'OpenInterlock', MessageId: 'il-1' });
    const port = Number(new URL(aida.url).port);
    await aida.close();
    await core.pollMachines();
    const back = await startFakeAida(port);
    back.respond(STATE_PATH, 200, { status: 'Running' });
    back.respond('/aida/v1/workflow-scheduler/resume-items', 200, [{ jobInstanceId: 3, workflowInstanceId: 'wf-3' }]);
    await core.pollMachines();
    expect((await machine(core)).machines[0]?.suspension?.code).toBe('OpenInterlock');
    await back.close();
  });

  it('shows work waiting for Resume that no webhook explained as suspended, reason unknown', async () => {
    aida = await startFakeAida();
    aida.respond(STATE_PATH, 200, { status: 'Running' });
    aida.respond('/aida/v1/workflow-scheduler/resume-items', 200, [{ jobInstanceId: 3 }]);
    core = await startTestConsole(testConfig({ machines: [{ id: 'm1', apiUrl: aida.url, kind: 'box' }] }));
    await core.pollMachines();
    const snap = await machine(core);
    const suspension = snap.machines[0]?.suspension;
    expect(suspension).toMatchObject({ code: 'ReasonUnknown', resumable: true });
    // The page words the code: what to check at the machine, in the viewer's language.
    expect(describeSuspension(translator('en'), suspension?.code ?? '').action).toContain('close every cover');
    expect(snap.alerts.map((a) => a.title)).toEqual(['Suspended, reason unknown']);
  });

  it('keeps a suspension that arrived after the API was asked', async () => {
    const { core } = await start();
    await core.post(workflowStarted('61'));
    await core.pollMachines();
    await core.post(feederEmptySuspended());
    expect((await machine(core)).machines[0]?.scheduler).toBe('suspended');
  });
});

describe('alerts follow the machine, not the buttons', () => {
  it('records who acted on a suspension and closes it only when the machine runs again', async () => {
    const { core } = await start();
    await core.post(feederEmptySuspended());
    const open = await machine(core);
    expect(open.alerts).toEqual([
      expect.objectContaining({ kind: 'suspension', code: 'FeederEmpty', title: 'Feeder empty', action: expect.stringContaining('Load cards') }),
    ]);
    await core.handlers.resume({ machineId: 'm1' });
    expect((await machine(core)).alerts).toHaveLength(1);
    await core.post(workflowStarted('62'));
    expect((await machine(core)).alerts).toEqual([]);
    const history = await core.handlers.listAlertHistory({ limit: 5 });
    const closed = history.ok ? history.value.rows[0] : undefined;
    expect(closed).toMatchObject({ closedReason: 'the machine reports it runs again' });
    expect(closed?.actions).toEqual([expect.objectContaining({ what: 'resume', state: 'acknowledged', actor: expect.stringContaining('@') })]);
  });

  it('shows a card jam on a desktop machine without Resume', async () => {
    const { core } = await start('desktop');
    await core.post({ MessageType: 'WorkflowSchedulerSuspended', ErrorCode: 'CardJam', MessageId: 'jam-1' });
    expect((await machine(core)).machines[0]?.suspension).toMatchObject({ code: 'CardJam', resumable: false });
  });

  it('raises a silence alert when a running machine sends nothing for too long', async () => {
    aida = await startFakeAida();
    let offsetMs = 0;
    // The console looks at its alerts on a 1 s interval. Driven from here, each look is a fact the assertions follow,
    // so "still no alert" is checked after a look that would have raised it, not after a sleep that hopes one ran.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const alertTick = () => vi.advanceTimersByTime(1000);
    core = await startTestConsole(testConfig({ machines: [{ id: 'm1', apiUrl: aida.url, kind: 'box' }], watchdog: { silenceSeconds: 30 } }), {
      now: () => new Date(Date.now() + offsetMs),
    });
    await core.post({ MessageType: 'WorkflowSchedulerStarted', MessageId: 'start-1' });
    expect((await machine(core)).alerts).toEqual([]);
    offsetMs = 31_000;
    alertTick();
    const silent = (await machine(core)).alerts;
    expect(silent).toEqual([expect.objectContaining({ kind: 'silence', title: 'No message from m1' })]);
    const id = silent[0]?.id ?? 0;
    const acknowledged = await core.handlers.acknowledgeAlert({ alertId: id });
    expect(acknowledged.ok).toBe(true);
    // Acknowledged stays acknowledged while the silence lasts; a new silence after a message raises it again.
    alertTick();
    expect((await machine(core)).alerts).toEqual([]);
    offsetMs = 0;
    await core.post({ MessageType: 'HealthCheck', MessageId: 'hc-1' });
    await machine(core); // an API read folds the message first, as the 1 s the look used to wait for did
    alertTick();
    offsetMs = 31_000;
    alertTick();
    expect((await machine(core)).alerts.map((a) => a.kind)).toEqual(['silence']);
  });

  it('does not let a suspension be acknowledged away', async () => {
    const { core } = await start();
    await core.post(feederEmptySuspended());
    const id = (await machine(core)).alerts[0]?.id ?? 0;
    expect(await core.handlers.acknowledgeAlert({ alertId: id })).toMatchObject({ ok: false });
  });
});
