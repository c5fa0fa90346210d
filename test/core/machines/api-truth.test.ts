import { afterEach, describe, expect, it } from 'vitest';
import { AIDA_ENDPOINTS } from '../../../electron/core/aida/endpoints';
import type { ConfigFile } from '../../../electron/core/config/schema';
import type { AidaSimulator } from '../../../electron/core/simulator/aida-simulator';
import { pascalMessage, workflowStarted } from '../../fixtures/aida';
import { startTestConsole, testConfig, type TestConsole } from '../../helpers/core';
import { startFakeAida, type FakeAida } from '../../helpers/fake-aida';
import { startReceiver, startSimulator, type Receiver } from '../simulator/receiver';

/**
 * What the console tells about each machine's API, through the real core: whether it answers, cannot be reached, or
 * refuses the console's credentials; a machine with no token endpoint; a scheduler in Error; version and model; what
 * AIDA 1.6's machine/status says about a suspension.
 */

let core: TestConsole | undefined;
let aida: FakeAida | undefined;
let sim: AidaSimulator | undefined;
let receiver: Receiver | undefined;
afterEach(async () => {
  await core?.stop();
  await aida?.close();
  await sim?.stop();
  await receiver?.close();
  core = undefined;
  aida = undefined;
  sim = undefined;
  receiver = undefined;
});

const CREDENTIALS = { userName: 'console', password: 'secret', clientId: 'console', clientSecret: 'shh' };
const STATE = AIDA_ENDPOINTS.state.path;
const TOKEN = AIDA_ENDPOINTS.token.path;

async function start(machine: Partial<NonNullable<ConfigFile['machines']>[number]> = {}, prepare?: (a: FakeAida) => void) {
  aida = await startFakeAida();
  aida.respond(STATE, 200, { status: 'Running', errors: [] });
  prepare?.(aida);
  core = await startTestConsole(testConfig({ machines: [{ id: 'm1', apiUrl: aida.url, kind: 'box', ...machine }] }));
  await core.pollMachines();
  return { core, aida };
}

async function snapshot(c: TestConsole) {
  const snap = await c.handlers.getSnapshot({});
  if (!snap.ok) throw new Error(snap.error.message);
  return { machine: snap.value.machines[0], alerts: snap.value.alerts };
}

describe('a machine with no token endpoint', () => {
  it('is called without a token and shown as answering, with "no token endpoint"; a Resume reaches it once', async () => {
    const { core, aida } = await start({ credentials: CREDENTIALS }, (a) => a.respond(TOKEN, 404, { error: 'not found' }));
    const { machine, alerts } = await snapshot(core);
    // Before: every call first failed on the token, the machine read "not answering", and commands retried.
    expect(machine?.api).toMatchObject({ state: 'answers', noTokenEndpoint: true });
    expect(alerts.map((a) => a.kind)).not.toContain('unreachable');
    const resumed = await core.handlers.resume({ machineId: 'm1' });
    expect(resumed.ok && resumed.value.state).toBe('acknowledged');
    expect(aida.commands().filter((c) => c.path === AIDA_ENDPOINTS.resume.path)).toHaveLength(1);
    expect(aida.calls.filter((c) => c.path === TOKEN)).toHaveLength(1);
  });

  it('an AIDA mini (a desktop machine with credentials) is never asked for a token, nor for what it does not offer', async () => {
    receiver = await startReceiver();
    sim = await startSimulator(receiver, { scenario: 'card-jam-desktop', credentials: CREDENTIALS });
    core = await startTestConsole(testConfig({ machines: [{ id: 'd1', apiUrl: sim.url, kind: 'desktop', credentials: CREDENTIALS }] }));
    await core.pollMachines();
    const resumed = await core.handlers.stop({ machineId: 'd1' });
    expect(resumed.ok && resumed.value.state).toBe('acknowledged');
    const { machine } = await snapshot(core);
    expect(machine?.api).toMatchObject({ state: 'answers', noTokenEndpoint: true, offers16: false, model: 'AIDA mini (simulated)' });
    const asked = new Set(sim.calls.map((c) => c.path.split('?')[0]));
    for (const e of Object.values(AIDA_ENDPOINTS).filter((x) => !x.mini)) expect(asked.has(e.path), e.path).toBe(false);
    expect(sim.calls.every((c) => c.status !== 404)).toBe(true);
  });
});

describe('why the API does not serve the console', () => {
  it('a 401 without credentials configured: "refuses the console", with an alert, not "API answers"', async () => {
    const { core } = await start({}, (a) => a.respond(STATE, 401, { error: 'a Bearer token is required' }));
    const { machine, alerts } = await snapshot(core);
    expect(machine?.api).toMatchObject({ state: 'refused', detail: expect.stringContaining('none are configured') });
    expect(alerts.map((a) => a.kind)).toEqual(['api-refused']);
  });

  it('credentials the token endpoint refuses: "refuses the console", not "not answering"', async () => {
    const { core } = await start({ credentials: CREDENTIALS }, (a) => a.respond(TOKEN, 403, 'invalid credentials'));
    const { machine, alerts } = await snapshot(core);
    expect(machine?.api).toMatchObject({ state: 'refused', detail: expect.stringContaining("refused the console's credentials") });
    expect(machine?.apiReachable).toBe(true);
    expect(alerts.map((a) => a.kind)).toEqual(['api-refused']);
  });

  it('a machine that cannot be reached: "not answering", with its own alert', async () => {
    const { core, aida } = await start();
    await aida.close();
    // The first poll may find its kept-alive connection closed under it; the next one is refused.
    await core.pollMachines();
    await core.pollMachines();
    const { machine, alerts } = await snapshot(core);
    expect(machine?.api).toMatchObject({ state: 'unreachable', detail: expect.stringContaining('ECONNREFUSED') });
    expect(alerts.map((a) => a.kind)).toEqual(['unreachable']);
  });
});

describe('what the console learns from an answering machine', () => {
  it('a scheduler in Error is shown with its codes and its details, and raises an alert until it clears', async () => {
    const { core, aida } = await start({}, (a) =>
      a.respond(STATE, 200, { status: 'Error', errors: ['JobTemplateDoesNotExists'], errorDetails: 'Job template "Passport" not found' }),
    );
    const { machine, alerts } = await snapshot(core);
    expect(machine?.schedulerError).toMatchObject({
      errors: [{ code: 'JobTemplateDoesNotExists' }],
      details: 'Job template "Passport" not found',
    });
    const alert = alerts.find((a) => a.kind === 'scheduler-error');
    expect(alert).toMatchObject({ code: 'JobTemplateDoesNotExists', title: 'Issuance in error: JobTemplateDoesNotExists' });
    aida.respond(STATE, 200, { status: 'Stopped', errors: [] });
    await core.pollMachines();
    const after = await snapshot(core);
    expect(after.machine?.schedulerError).toBeUndefined();
    expect(after.alerts.map((a) => a.kind)).not.toContain('scheduler-error');
  });

  it('shows version, model and serial from system/info, and whether AIDA 1.6\'s machine/status is offered', async () => {
    const { core } = await start({}, (a) => {
      a.respond(AIDA_ENDPOINTS.systemInfo.path, 200, { serialNumber: 'SN-1001', systemModel: 'ID5', ipAddress: '10.0.0.5', serverVersion: '1.6.3+3edddb5' });
      a.respond(AIDA_ENDPOINTS.machineStatus.path, 200, { hasOpenInterlocks: false, allFeedersEmpty: false, schedulerStatus: 'Running' });
    });
    const { machine } = await snapshot(core);
    expect(machine?.api).toMatchObject({ version: '1.6.3+3edddb5', model: 'ID5', serial: 'SN-1001', offers16: true });
    expect(machine?.machineReport).toMatchObject({ hasOpenInterlocks: false, allFeedersEmpty: false, schedulerStatus: 'Running' });
  });

  it('a machine without machine/status (404) is shown as offering no 1.6 endpoints, and not asked again', async () => {
    const { core, aida } = await start({}, (a) => a.respond(AIDA_ENDPOINTS.machineStatus.path, 404, { error: 'not found' }));
    await core.pollMachines();
    await core.pollMachines();
    expect((await snapshot(core)).machine?.api?.offers16).toBe(false);
    expect(aida.calls.filter((c) => c.path === AIDA_ENDPOINTS.machineStatus.path)).toHaveLength(1);
  });
});

describe('machine/status and a suspension', () => {
  async function interlocked(report: { hasOpenInterlocks: boolean }) {
    const started = await start({}, (a) => a.respond(AIDA_ENDPOINTS.machineStatus.path, 200, { hasOpenInterlocks: true, allFeedersEmpty: false }));
    await started.core.post(workflowStarted('5'));
    await started.core.post(pascalMessage('WorkflowSchedulerSuspended', { ErrorCode: 'OpenInterlock', JobId: '5', WorkflowInstanceId: 'wf-5' }));
    started.aida.respond(AIDA_ENDPOINTS.machineStatus.path, 200, { ...report, allFeedersEmpty: false, schedulerStatus: 'Running' });
    await started.core.pollMachines();
    return started;
  }

  it('annotates it — "cover now closed: press Resume" — and never closes it', async () => {
    const { core } = await interlocked({ hasOpenInterlocks: false });
    const { machine, alerts } = await snapshot(core);
    expect(machine).toMatchObject({
      scheduler: 'suspended',
      suspension: { code: 'OpenInterlock', machineNote: { code: 'aida:machineNote.coverClosed' } },
    });
    expect(alerts.map((a) => a.kind)).toContain('suspension');
  });

  it('confirms it while the machine still reports the cover open', async () => {
    const { core } = await interlocked({ hasOpenInterlocks: true });
    expect((await snapshot(core)).machine?.suspension?.machineNote).toEqual({ code: 'aida:machineNote.coverStillOpen' });
  });

  it('says nothing from a reading taken before the suspension began', async () => {
    const { core } = await start({}, (a) => a.respond(AIDA_ENDPOINTS.machineStatus.path, 200, { hasOpenInterlocks: false }));
    await core.post(pascalMessage('WorkflowSchedulerSuspended', { ErrorCode: 'OpenInterlock' }));
    const { machine } = await snapshot(core);
    expect(machine?.suspension?.code).toBe('OpenInterlock');
    expect(machine?.suspension?.machineNote).toBeUndefined();
  });
});
