import { afterEach, describe, expect, it } from 'vitest';
import { AidaClient } from '../../../electron/core/aida/client';
import type { AidaSimulator } from '../../../electron/core/simulator/aida-simulator';
import { api, startReceiver, startSimulator, summary, WS, type Body, type Receiver } from './receiver';

let receiver: Receiver | undefined;
let sim: AidaSimulator | undefined;

afterEach(async () => {
  await sim?.stop();
  await receiver?.close();
  sim = undefined;
  receiver = undefined;
});

async function simulator(options: Parameters<typeof startSimulator>[1] = {}) {
  receiver = await startReceiver();
  sim = await startSimulator(receiver, options);
  return { r: receiver, s: sim };
}

const CREDENTIALS = { userName: 'operator', password: 'p4ss', clientId: 'console', clientSecret: 's3cret' };
const SIGNAL = `${WS}/workflows/signal/external-process-completed`;

function tokenForm(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return form;
}

async function getToken(s: AidaSimulator, fields: Record<string, string>) {
  const res = await fetch(`${s.url}/aida/v1/auth/token`, { method: 'POST', body: tokenForm(fields) });
  return { status: res.status, body: (await res.json()) as unknown };
}

const goodForm = { UserName: 'operator', Password: 'p4ss', ClientId: 'console', ClientSecret: 's3cret', grant_type: 'password' };

/** Two OCR jobs waiting for the console: a quiet point from which stop and signal tests are deterministic. */
async function twoWaiting(speed = 1000) {
  const { r, s } = await simulator({ scenario: 'ocr-review', speed });
  await api(s, 'POST', `${WS}/start`, { stopAfter: 4 });
  await s.settled();
  const waiting = r.bodies.filter((b) => b['messageType'] === 'OcrExecuted');
  r.bodies.length = 0;
  return { r, s, ids: waiting.map((b) => b['workflowInstanceId'] as string) };
}

const take = (r: Receiver) => r.bodies.splice(0).map(summary);

describe('auth/token and the Bearer check', () => {
  it('asks for a token when configured with credentials, issues one for the right form, refuses the wrong one', async () => {
    const { s } = await simulator({ credentials: CREDENTIALS });
    const bare = await fetch(`${s.url}${WS}/state`);
    expect(bare.status).toBe(401);
    expect(bare.headers.get('www-authenticate')).toBe('Bearer');

    expect(await getToken(s, { ...goodForm, Password: 'wrong' })).toEqual({ status: 403, body: 'invalid credentials' });
    const issued = await getToken(s, goodForm);
    expect(issued.status).toBe(200);
    expect(issued.body).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);

    const withToken = await api(s, 'GET', `${WS}/state`, undefined, { Authorization: `Bearer ${String(issued.body)}` });
    expect(withToken.status).toBe(200);
    const forged = await api(s, 'GET', `${WS}/state`, undefined, { Authorization: 'Bearer a.b.c' });
    expect(forged.status).toBe(401);
    // Secrets never land in the record of calls.
    expect(s.calls.find((c) => c.path === '/aida/v1/auth/token')?.body).toMatchObject({ UserName: 'operator', Password: '[redacted]', ClientSecret: '[redacted]' });
  });

  it('lets tokens expire (by lifetime or all at once) so that renewal on 401 can be exercised', async () => {
    let now = Date.parse('2026-03-01T08:00:00Z');
    const { s } = await simulator({ credentials: CREDENTIALS, tokenTtlMs: 60_000, now: () => now });
    const token = String((await getToken(s, goodForm)).body);
    const auth = { Authorization: `Bearer ${token}` };
    expect((await api(s, 'GET', `${WS}/state`, undefined, auth)).status).toBe(200);
    now += 61_000;
    const expired = await fetch(`${s.url}${WS}/state`, { headers: auth });
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toContain('invalid_token');

    const second = String((await getToken(s, goodForm)).body);
    expect((await api(s, 'GET', `${WS}/state`, undefined, { Authorization: `Bearer ${second}` })).status).toBe(200);
    s.expireTokens();
    expect((await api(s, 'GET', `${WS}/state`, undefined, { Authorization: `Bearer ${second}` })).status).toBe(401);
  });

  it('is what the console\'s AIDA client authenticates against, renewing its token on a 401', async () => {
    const { s } = await simulator({ credentials: CREDENTIALS });
    const client = new AidaClient(s.url, { credentials: CREDENTIALS });
    expect((await client.state()).status).toBe(200);
    s.expireTokens();
    expect((await client.state()).status).toBe(200);
    expect(s.calls.map((c) => `${c.path} ${c.status}`)).toEqual([
      '/aida/v1/auth/token 200',
      `${WS}/state 200`,
      `${WS}/state 401`,
      '/aida/v1/auth/token 200',
      `${WS}/state 200`,
    ]);
  });
});

describe('the desktop variant', () => {
  it('offers no resume-items, workflow-instances/suspended or auth/token (404), and needs no token', async () => {
    const { s } = await simulator({ scenario: 'card-jam-desktop', credentials: CREDENTIALS });
    expect((await api(s, 'GET', `${WS}/resume-items`)).status).toBe(404);
    expect((await api(s, 'GET', `${WS}/workflow-instances/suspended`)).status).toBe(404);
    expect((await getToken(s, goodForm)).status).toBe(404);
    expect((await api(s, 'GET', `${WS}/state`)).status).toBe(200);
    expect((await api(s, 'GET', `${WS}/metrics`)).status).toBe(200);
  });
});

describe('SignalExternalProcessCompleted', () => {
  it('answers once per suspension: a second signal for the same one is refused', async () => {
    const { s, ids } = await twoWaiting();
    const first = await api(s, 'POST', SIGNAL, { workflowInstanceId: ids[0], outcome: 'Completed' });
    expect(first).toMatchObject({ status: 200, body: [{ workflowInstanceId: ids[0], jobStatus: 'Running' }] });
    const again = await api(s, 'POST', SIGNAL, { workflowInstanceId: ids[0], outcome: 'Completed' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: expect.stringContaining('not waiting') });
  });

  it('refuses an unknown instance (404), a missing or unknown outcome and the seed\'s misnamed key (400)', async () => {
    const { s, ids } = await twoWaiting();
    expect((await api(s, 'POST', SIGNAL, { workflowInstanceId: 'f'.repeat(32), outcome: 'Completed' })).status).toBe(404);
    expect((await api(s, 'POST', SIGNAL, { workflowInstanceId: ids[0] })).status).toBe(400);
    expect((await api(s, 'POST', SIGNAL, { workflowInstanceId: ids[0], outcome: 'Approved' })).status).toBe(400);
    expect((await api(s, 'POST', SIGNAL, { workflowInstance: ids[0], outcome: 'Completed' })).status).toBe(400);
    // The seed's misspelled path is not the machine's.
    expect((await api(s, 'POST', '/aida/v1/workfllow-scheduler/signal/external-process-completed', { workflowInstanceId: ids[0], outcome: 'Completed' })).status).toBe(404);
    // Still waiting after all that.
    expect((await api(s, 'POST', SIGNAL, { workflowInstanceId: ids[0], outcome: 'completed' })).status).toBe(200);
  });

  it('takes an enum as its index too, and lets requiredAction override the outcome', async () => {
    const { r, s, ids } = await twoWaiting();
    expect((await api(s, 'POST', SIGNAL, { WorkflowInstanceId: ids[0], Outcome: 0, RequiredAction: 'Reject' })).status).toBe(200);
    await s.settled();
    expect(take(r)).toEqual(['WorkflowFaulted 1 Faulted OcrExternalValidationKo', 'WorkflowStarted 3 Running', 'OcrExecuted 3 Suspended']);
    expect((await api(s, 'POST', SIGNAL, { workflowInstanceId: ids[1], outcome: 'Faulted', requiredAction: 'Resume' })).status).toBe(200);
    await s.settled();
    expect(take(r)[0]).toBe('WorkflowCompleted 2 Completed');
  });
});

describe('start', () => {
  it('echoes metadataFields in every message, honours dryRun, names the template, refuses a second start', async () => {
    const { r, s } = await simulator({ scenario: 'normal-batch' });
    const started = await api(s, 'POST', `${WS}/start`, {
      jobTemplateName: 'Passport 2026',
      stopAfter: 2,
      dryRun: true,
      metadataFields: { operator: 'trainee-7', shift: 2 },
    });
    expect(started.body).toMatchObject({ status: 'Running', currentJobTemplateName: 'Passport 2026', queueSize: expect.any(Number) });
    expect((await api(s, 'POST', `${WS}/start`, {})).status).toBe(409);
    await s.settled();
    expect(r.bodies.every((b) => JSON.stringify(b['additionalMetadata']) === '{"operator":"trainee-7","shift":2}')).toBe(true);
    const completed = r.bodies.filter((b) => b['messageType'] === 'WorkflowCompleted');
    expect(completed.map((b) => [b['documentProduced'], b['destructiveOperationExecuted']])).toEqual([
      [false, false],
      [false, false],
    ]);
    expect((await api(s, 'POST', `${WS}/start`, { stopAfter: 0 })).status).toBe(400);
    expect((await fetch(`${s.url}${WS}/start`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"stopAfter":' })).status).toBe(400);
  });
});

describe('stop', () => {
  it('graceful: Stopping and a health check, the running jobs finish, then Stopped with ManualStop', async () => {
    const { r, s, ids } = await twoWaiting();
    const answer = await api(s, 'POST', `${WS}/stop?stopRunningWorkflows=false&stopAllRunningWorkflows=false`);
    expect(answer.body).toMatchObject({ status: 'Stopping' });
    await s.settled();
    expect(take(r)).toEqual(['WorkflowSchedulerStopping ManualStop', 'HealthCheck']);
    for (const id of ids) await api(s, 'POST', SIGNAL, { workflowInstanceId: id, outcome: 'Completed' });
    await s.settled();
    expect(take(r)).toEqual(['WorkflowCompleted 1 Completed', 'WorkflowCompleted 2 Completed', 'WorkflowSchedulerStopped ManualStop ManualStop']);
    expect((await api(s, 'GET', `${WS}/state`)).body).toMatchObject({ status: 'Stopped', stopReason: 'ManualStop', queueSize: 0 });
  });

  it('abort: the running jobs are cancelled, their cards rejected, then Stopped', async () => {
    const { r, s, ids } = await twoWaiting();
    await api(s, 'POST', `${WS}/stop?stopRunningWorkflows=true&stopAllRunningWorkflows=true`);
    await s.settled();
    const cancelled = r.bodies.filter((b) => b['messageType'] === 'WorkflowCancelled');
    expect(cancelled.map((b) => [b['documentProduced'], b['destructiveOperationExecuted']])).toEqual([
      [false, true],
      [false, true],
    ]);
    expect(take(r)).toEqual([
      'WorkflowSchedulerStopping ManualStop',
      'WorkflowCancelled 1 Cancelled ManualStop',
      'WorkflowCancelled 2 Cancelled ManualStop',
      'WorkflowSchedulerStopped ManualStop ManualStop',
    ]);
    expect((await api(s, 'POST', SIGNAL, { workflowInstanceId: ids[0], outcome: 'Completed' })).status).toBe(409);
  });

  it('with the OpenAPI\'s errorCode, names it on the cancelled jobs; a stop while stopped changes nothing', async () => {
    const { r, s } = await twoWaiting();
    await api(s, 'POST', `${WS}/stop?stopAllRunningWorkflows=true&errorCode=GenericError`);
    await s.settled();
    expect(take(r).filter((m) => m.startsWith('WorkflowCancelled'))).toEqual([
      'WorkflowCancelled 1 Cancelled GenericError',
      'WorkflowCancelled 2 Cancelled GenericError',
    ]);
    await api(s, 'POST', `${WS}/stop`);
    await s.settled();
    expect(take(r)).toEqual([]);
  });

  it('while an interlock holds a job: the held jobs cannot finish and are cancelled', async () => {
    const { r, s } = await simulator({ scenario: 'open-interlock' });
    await api(s, 'POST', `${WS}/start`, { stopAfter: 3 });
    await s.settled();
    r.bodies.length = 0;
    await api(s, 'POST', `${WS}/stop`);
    await s.settled();
    expect(take(r)).toEqual([
      'WorkflowSchedulerStopping ManualStop',
      'HealthCheck',
      'WorkflowCancelled 1 Cancelled ManualStop',
      'WorkflowCancelled 2 Cancelled ManualStop',
      'WorkflowSchedulerStopped ManualStop ManualStop',
    ]);
  });
});

describe('what the console reads', () => {
  it('state, queued jobs, running and suspended instances while issuance waits', async () => {
    // Slow enough that a job resumed by a signal is still running when the test looks.
    const { s, ids } = await twoWaiting(2);
    expect((await api(s, 'GET', `${WS}/state`)).body).toMatchObject({ status: 'Running', queueSize: 2, queuedOrderIds: [3, 4] });
    expect((await api(s, 'GET', `${WS}/queued-jobs`)).body).toEqual([3, 4]);
    const suspended = (await api(s, 'GET', `${WS}/workflow-instances/suspended`)).body as Body[];
    expect(suspended.map((w) => [w['id'], w['workflowStatus'], w['correlationId']])).toEqual([
      [ids[0], 'Suspended', 'B0001-0001'],
      [ids[1], 'Suspended', 'B0001-0002'],
    ]);
    // Waiting for an external process is not a recoverable error: nothing for Resume.
    expect((await api(s, 'GET', `${WS}/resume-items`)).body).toEqual([]);
    expect((await api(s, 'GET', `${WS}/workflows/running`)).body).toEqual([]);
    await api(s, 'POST', SIGNAL, { workflowInstanceId: ids[0], outcome: 'Completed' });
    expect((await api(s, 'GET', `${WS}/workflow-instances/running`)).body).toEqual([ids[0]]);
  });

  it('metrics: running, waiting, completed, faulted, jobs per hour over the uptime', async () => {
    let now = Date.parse('2026-03-01T08:00:00Z');
    const { s } = await simulator({ scenario: 'slow-console', ackTimeoutMs: 200, now: () => now });
    await api(s, 'POST', `${WS}/start`, { stopAfter: 4 });
    await s.settled();
    now += 1_800_000;
    expect((await api(s, 'GET', `${WS}/metrics`)).body).toEqual({
      runningJobs: 0,
      waitingJobs: 0,
      completedJobs: 3,
      faultedJobs: 1,
      averageJobDuration: 0,
      jobsPerHour: 6,
      uptimeSeconds: 1800,
    });
  });

  it('records every call with its answer; an unknown path is a JSON 404', async () => {
    const { s } = await simulator();
    expect(await api(s, 'GET', '/aida/v1/system/nothing')).toEqual({ status: 404, body: { error: 'not found' } });
    await api(s, 'POST', `${WS}/resume`);
    expect(s.calls).toEqual([
      { method: 'GET', path: '/aida/v1/system/nothing', body: undefined, status: 404 },
      { method: 'POST', path: `${WS}/resume`, body: undefined, status: 200 },
    ]);
  });
});
