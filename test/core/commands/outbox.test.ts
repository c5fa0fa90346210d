import { describe, expect, it } from 'vitest';
import { encoderLoaded, ocrExecuted, SIGNAL_PATH, SUSPENDED_PATH, workflowCompleted, workflowFaulted } from '../../fixtures/aida';
import { staysTrue } from '../../helpers/absence';
import { startedPerTest, testConfig, type TestConsole } from '../../helpers/core';
import type { ConsoleOptions } from '../../../electron/core/console';
import type { FakeAida } from '../../helpers/fake-aida';

const started = startedPerTest();

async function consoleFor(apiUrl: string, dataDir?: string, extra: Parameters<typeof testConfig>[0] = {}, options: ConsoleOptions = {}) {
  const config = testConfig({ machines: [{ id: 'm1', apiUrl, kind: 'box' }], ...extra }, dataDir);
  return started.console(config, options);
}

/** A machine whose operator opted in to signalling a message's CallbackUrl. */
const optingIn = (apiUrl: string) => ({ id: 'm1', apiUrl, kind: 'box' as const, signal: { useCallbackUrl: true } });

async function consoleOptingIn(apiUrl: string) {
  return started.console(testConfig({ machines: [optingIn(apiUrl)] }));
}

async function pendingReview(core: TestConsole, jobId: string, body = ocrExecuted(jobId)) {
  expect((await core.post(body)).status).toBe(200);
  const reviews = await core.handlers.listReviews({ limit: 10 });
  const review = reviews.ok ? reviews.value.queue.find((r) => r.jobId === jobId) : undefined;
  if (!review) throw new Error(`no review for job ${jobId}`);
  return review;
}

const signals = (aida: FakeAida) => aida.calls.filter((c) => c.path === SIGNAL_PATH);

async function until<T>(read: () => T | Promise<T>, ok: (v: T) => boolean, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`condition not met: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function command(core: TestConsole, id: number) {
  const page = await core.handlers.listAudit({ offset: 0, limit: 100 });
  if (!page.ok) throw new Error(page.error.message);
  return page.value.rows.find((c) => c.id === id);
}

describe('decisions reach AIDA exactly once', () => {
  it('approves an OCR read with the OpenAPI body and path', async () => {
    const aida = await started.aida();
    const core = await consoleFor(aida.url);
    const review = await pendingReview(core, '70');
    expect(review.payload.inspections?.[0]).toMatchObject({ name: 'MRZ line 1', text: 'P<UTOERIKSSON<<ANNA<MARIA', confidence: 0.97 });
    const result = await core.handlers.decide({ reviewId: review.id, outcome: 'Completed' });
    expect(result.ok && result.value.state).toBe('acknowledged');
    expect(signals(aida).map((c) => c.body)).toEqual([{ workflowInstanceId: 'wf-70', outcome: 'Completed' }]);
  });

  it('asks for a reason to reject and sends it as errorReason', async () => {
    const aida = await started.aida();
    const core = await consoleFor(aida.url);
    const review = await pendingReview(core, '71');
    // Through the contract, as the UI calls it: a rejection without a reason never reaches the core.
    const refused = await core.dispatch('decide', { reviewId: review.id, outcome: 'Faulted' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringContaining('reason') } });
    expect(signals(aida)).toHaveLength(0);
    await core.handlers.decide({ reviewId: review.id, outcome: 'Faulted', reason: 'MRZ does not match the data page' });
    expect(signals(aida).map((c) => c.body)).toEqual([
      { workflowInstanceId: 'wf-71', outcome: 'Faulted', errorReason: 'MRZ does not match the data page' },
    ]);
  });

  it('sends one signal when the button is pressed twice at once', async () => {
    const aida = await started.aida();
    const core = await consoleFor(aida.url);
    const review = await pendingReview(core, '72');
    const [a, b] = await Promise.all([
      core.handlers.decide({ reviewId: review.id, outcome: 'Completed' }),
      core.handlers.decide({ reviewId: review.id, outcome: 'Completed' }),
    ]);
    expect(a.ok && b.ok && a.value.id === b.value.id).toBe(true);
    expect(signals(aida)).toHaveLength(1);
  });

  it('lets only the first of two windows decide', async () => {
    const aida = await started.aida();
    const core = await consoleFor(aida.url);
    const review = await pendingReview(core, '73');
    const [approve, reject] = await Promise.all([
      core.handlers.decide({ reviewId: review.id, outcome: 'Completed' }),
      core.handlers.decide({ reviewId: review.id, outcome: 'Faulted', reason: 'smudged' }),
    ]);
    expect(approve.ok).toBe(true);
    expect(reject).toMatchObject({ ok: false, error: { message: expect.stringContaining('already approved') } });
    expect(signals(aida).map((c) => (c.body as { outcome: string }).outcome)).toEqual(['Completed']);
  });

  it('retries by itself while AIDA is down, and sends once when it is back', async () => {
    const probe = await started.aida();
    const port = Number(new URL(probe.url).port);
    const core = await consoleFor(probe.url);
    const review = await pendingReview(core, '74');
    await probe.close();
    const first = await core.handlers.decide({ reviewId: review.id, outcome: 'Completed' });
    expect(first.ok && first.value).toMatchObject({ state: 'queued', outcome: expect.stringContaining('never got it') });
    const back = await started.aida(port);
    const done = await until(() => command(core, first.ok ? first.value.id : 0), (c) => c?.state === 'acknowledged');
    expect(done?.attempts).toBeGreaterThan(1);
    expect(signals(back)).toHaveLength(1);
  });

  it('treats a 400 as final and shows AIDA\'s answer', async () => {
    const aida = await started.aida();
    aida.respond(SIGNAL_PATH, 400, { error: 'workflow instance is not suspended' });
    const core = await consoleFor(aida.url);
    const review = await pendingReview(core, '75');
    const result = await core.handlers.decide({ reviewId: review.id, outcome: 'Completed' });
    expect(result.ok && result.value).toMatchObject({ state: 'failed', outcome: expect.stringContaining('HTTP 400') });
    expect(result.ok && result.value.outcome).toContain('workflow instance is not suspended');
    // A final answer leaves nothing scheduled, so no later event marks "no retry": only time does. The test console's
    // outbox retries within 100 ms and reconciles within 50 ms (startTestConsole's outboxTiming); 300 ms covers both.
    await staysTrue(() => signals(aida).length === 1, { forMs: 300, why: 'a 400 is final: AIDA gets no second signal' });
    expect(signals(aida)).toHaveLength(1);
  });

  it('after a 500, does not resend when the machine no longer waits on the job', async () => {
    const aida = await started.aida();
    aida.respondOnce(SIGNAL_PATH, 500, { error: 'boom' });
    aida.respond(SUSPENDED_PATH, 200, []);
    const core = await consoleFor(aida.url);
    const review = await pendingReview(core, '76');
    const result = await core.handlers.decide({ reviewId: review.id, outcome: 'Completed' });
    expect(result.ok && result.value.state).toBe('sent');
    const settled = await until(() => command(core, result.ok ? result.value.id : 0), (c) => c?.state !== 'sent');
    expect(settled).toMatchObject({ state: 'acknowledged', outcome: expect.stringContaining('no longer waits') });
    expect(signals(aida)).toHaveLength(1);
  });

  it('after a 500, resends once when the machine still waits and sent nothing newer', async () => {
    const aida = await started.aida();
    aida.respondOnce(SIGNAL_PATH, 500, { error: 'boom' });
    aida.respond(SUSPENDED_PATH, 200, [{ id: 'wf-77' }]);
    const core = await consoleFor(aida.url);
    const review = await pendingReview(core, '77');
    const result = await core.handlers.decide({ reviewId: review.id, outcome: 'Completed' });
    await until(() => command(core, result.ok ? result.value.id : 0), (c) => c?.state === 'acknowledged');
    expect(signals(aida)).toHaveLength(2);
  });

  it('after a 500, leaves the decision to a person when the machine offers no way to check', async () => {
    const aida = await started.aida();
    aida.respondOnce(SIGNAL_PATH, 500, { error: 'boom' });
    aida.respond(SUSPENDED_PATH, 404, { error: 'not found' });
    const core = await consoleFor(aida.url);
    const review = await pendingReview(core, '78');
    const result = await core.handlers.decide({ reviewId: review.id, outcome: 'Completed' });
    const settled = await until(() => command(core, result.ok ? result.value.id : 0), (c) => c?.state !== 'sent');
    expect(settled).toMatchObject({ state: 'failed', outcome: expect.stringContaining('outcome unknown') });
    expect(signals(aida)).toHaveLength(1);
    const again = await core.handlers.retryCommand({ commandId: settled?.id ?? 0 });
    expect(again.ok).toBe(true);
    await until(() => command(core, settled?.id ?? 0), (c) => c?.state === 'acknowledged');
    expect(signals(aida)).toHaveLength(2);
  });

  it('refuses to send again a signal whose answer is still being reconciled', async () => {
    const aida = await started.aida();
    aida.respondOnce(SIGNAL_PATH, 500, { error: 'boom' });
    aida.respond(SUSPENDED_PATH, 404, {});
    const core = await consoleFor(aida.url);
    const review = await pendingReview(core, '87');
    const sent = await core.handlers.decide({ reviewId: review.id, outcome: 'Completed' });
    expect(sent.ok && sent.value.state).toBe('sent');
    const again = await core.handlers.retryCommand({ commandId: sent.ok ? sent.value.id : 0 });
    expect(again).toMatchObject({ ok: false, error: { message: expect.stringContaining('only a failed command') } });
    expect(signals(aida)).toHaveLength(1);
  });

  it('drops a queued signal once a newer webhook shows the machine moved on', async () => {
    const probe = await started.aida();
    const core = await consoleFor(probe.url);
    const review = await pendingReview(core, '79');
    await probe.close();
    const result = await core.handlers.decide({ reviewId: review.id, outcome: 'Completed' });
    expect(result.ok && result.value.state).toBe('queued');
    await core.post(workflowFaulted('79', 'OcrExternalValidationKo'));
    const settled = await until(() => command(core, result.ok ? result.value.id : 0), (c) => c?.state !== 'queued');
    expect(settled?.outcome).toContain('moved on');
  });

  it('sends a command left queued by a restart exactly once', async () => {
    const probe = await started.aida();
    const port = Number(new URL(probe.url).port);
    const first = await consoleFor(probe.url);
    const review = await pendingReview(first, '80');
    await probe.close();
    const queued = await first.handlers.decide({ reviewId: review.id, outcome: 'Completed' });
    expect(queued.ok && queued.value.state).toBe('queued');
    await started.stop(first);
    const back = await started.aida(port);
    back.respond(SUSPENDED_PATH, 200, [{ id: 'wf-80' }]);
    const second = await consoleFor(back.url, first.config.dataDir);
    await until(() => command(second, queued.ok ? queued.value.id : 0), (c) => c?.state === 'acknowledged');
    expect(signals(back)).toHaveLength(1);
    const again = await second.handlers.decide({ reviewId: review.id, outcome: 'Completed' });
    expect(again.ok && again.value.id).toBe(queued.ok && queued.value.id);
    expect(signals(back)).toHaveLength(1);
  });

  it('after a restart mid-send, reconciles instead of resending blindly', async () => {
    const aida = await started.aida();
    aida.respondOnce(SIGNAL_PATH, 500, { error: 'answer lost' });
    aida.respond(SUSPENDED_PATH, 500, { error: 'busy' });
    const first = await consoleFor(aida.url);
    const review = await pendingReview(first, '81');
    const sent = await first.handlers.decide({ reviewId: review.id, outcome: 'Completed' });
    expect(sent.ok && sent.value.state).toBe('sent');
    await started.stop(first);
    aida.respond(SUSPENDED_PATH, 200, []);
    const second = await consoleFor(aida.url, first.config.dataDir);
    const settled = await until(() => command(second, sent.ok ? sent.value.id : 0), (c) => c?.state !== 'sent');
    expect(settled?.state).toBe('acknowledged');
    expect(signals(aida)).toHaveLength(1);
  });

  it('signals a chip encoding at the documented endpoint, whatever CallbackUrl the machine names', async () => {
    const aida = await started.aida();
    const core = await consoleFor(aida.url);
    const own = await pendingReview(core, '82', encoderLoaded('82', `${aida.url}/callbacks/enc-82`));
    const result = await core.handlers.decide({ reviewId: own.id, outcome: 'Completed' });
    expect(result.ok && result.value).toMatchObject({ state: 'acknowledged', payload: { workflowInstanceId: 'wf-82', outcome: 'Completed' } });
    expect(result.ok && result.value.payload).not.toHaveProperty('callbackUrl');
    expect(aida.commands().map((c) => c.path)).toEqual([SIGNAL_PATH]);
  });

  it('with useCallbackUrl, signals a CallbackUrl only when it points at the configured machine', async () => {
    const aida = await started.aida();
    const core = await consoleOptingIn(aida.url);
    const own = await pendingReview(core, '83', encoderLoaded('83', `${aida.url}/callbacks/enc-83`));
    await core.handlers.decide({ reviewId: own.id, outcome: 'Completed' });
    expect(aida.commands().map((c) => c.path)).toEqual(['/callbacks/enc-83']);
    const forged = await pendingReview(core, '88', encoderLoaded('88', 'http://attacker.example/steal'));
    await core.handlers.decide({ reviewId: forged.id, outcome: 'Completed' });
    expect(aida.commands().map((c) => c.path)).toEqual(['/callbacks/enc-83', SIGNAL_PATH]);
  });

  it.each([404, 405])(
    'after a %i from the CallbackUrl, sends once to the documented endpoint when the machine still waits and sent nothing newer',
    async (status) => {
      const aida = await started.aida();
      aida.respond('/callbacks/enc-89', status, { error: 'no such route' });
      aida.respond(SUSPENDED_PATH, 200, [{ id: 'wf-89' }]);
      const core = await consoleOptingIn(aida.url);
      const review = await pendingReview(core, '89', encoderLoaded('89', `${aida.url}/callbacks/enc-89`));
      const result = await core.handlers.decide({ reviewId: review.id, outcome: 'Completed' });
      expect(result.ok && result.value).toMatchObject({ state: 'sent', outcome: expect.stringContaining(`CallbackUrl answered HTTP ${status}`) });
      const settled = await until(() => command(core, result.ok ? result.value.id : 0), (c) => c?.state !== 'sent' && c?.state !== 'queued');
      expect(settled).toMatchObject({ id: result.ok && result.value.id, state: 'acknowledged', attempts: 2 });
      expect(aida.commands().map((c) => [c.path, c.body])).toEqual([
        ['/callbacks/enc-89', { workflowInstanceId: 'wf-89', outcome: 'Completed' }],
        [SIGNAL_PATH, { workflowInstanceId: 'wf-89', outcome: 'Completed' }],
      ]);
      const audit = await core.handlers.listAudit({ offset: 0, limit: 10 });
      expect(audit.ok && audit.value.total).toBe(1);
    },
  );

  it('after a 404 from the CallbackUrl, sends nothing more when the machine no longer waits on the job', async () => {
    const aida = await started.aida();
    aida.respond('/callbacks/enc-90', 404, {});
    aida.respond(SUSPENDED_PATH, 200, []);
    const core = await consoleOptingIn(aida.url);
    const review = await pendingReview(core, '90', encoderLoaded('90', `${aida.url}/callbacks/enc-90`));
    const result = await core.handlers.decide({ reviewId: review.id, outcome: 'Completed' });
    const settled = await until(() => command(core, result.ok ? result.value.id : 0), (c) => c?.state !== 'sent');
    expect(settled).toMatchObject({ state: 'acknowledged', outcome: expect.stringContaining('no longer waits') });
    expect(aida.commands().map((c) => c.path)).toEqual(['/callbacks/enc-90']);
  });

  it('after a 404 from the CallbackUrl, takes a newer webhook for the instance as applied and sends nothing more', async () => {
    const aida = await started.aida();
    aida.respond('/callbacks/enc-91', 404, {});
    aida.respond(SUSPENDED_PATH, 200, [{ id: 'wf-91' }]);
    // Reconciling waits long enough for the webhook below to arrive first, as the real delay (1.5 s) is meant to.
    const core = await started.console(testConfig({ machines: [optingIn(aida.url)] }), { outboxTiming: { reconcileDelayMs: 2000 } });
    const review = await pendingReview(core, '91', encoderLoaded('91', `${aida.url}/callbacks/enc-91`));
    const result = await core.handlers.decide({ reviewId: review.id, outcome: 'Completed' });
    expect(result.ok && result.value.state).toBe('sent');
    expect((await core.post(workflowCompleted('91'))).status).toBe(200);
    const settled = await until(() => command(core, result.ok ? result.value.id : 0), (c) => c?.state !== 'sent');
    expect(settled).toMatchObject({ state: 'acknowledged', outcome: expect.stringContaining('taken as applied') });
    expect(aida.commands().map((c) => c.path)).toEqual(['/callbacks/enc-91']);
  });

  it('sends a failed CallbackUrl signal again only to the documented endpoint', async () => {
    const aida = await started.aida();
    aida.respond('/callbacks/enc-92', 400, { error: 'bad body' });
    const core = await consoleOptingIn(aida.url);
    const review = await pendingReview(core, '92', encoderLoaded('92', `${aida.url}/callbacks/enc-92`));
    const result = await core.handlers.decide({ reviewId: review.id, outcome: 'Completed' });
    expect(result.ok && result.value).toMatchObject({ state: 'failed', outcome: expect.stringContaining('HTTP 400') });
    expect((await core.handlers.retryCommand({ commandId: result.ok ? result.value.id : 0 })).ok).toBe(true);
    await until(() => command(core, result.ok ? result.value.id : 0), (c) => c?.state === 'acknowledged');
    expect(aida.commands().map((c) => c.path)).toEqual(['/callbacks/enc-92', SIGNAL_PATH]);
  });

  it('requires the supervisor PIN when one is configured', async () => {
    const aida = await started.aida();
    // The PIN makes everyone wait a little after a wrong one (test/core/api/pin.test.ts): this clock skips the waits.
    let offset = 0;
    const core = await consoleFor(aida.url, undefined, { review: { supervisorPin: '4321' } }, { now: () => new Date(Date.now() + offset) });
    const review = await pendingReview(core, '84');
    expect(await core.handlers.decide({ reviewId: review.id, outcome: 'Completed' })).toMatchObject({ ok: false });
    offset += 60_000;
    expect(await core.handlers.decide({ reviewId: review.id, outcome: 'Completed', pin: '0000' })).toMatchObject({ ok: false });
    expect(signals(aida)).toHaveLength(0);
    offset += 60_000;
    expect(await core.handlers.decide({ reviewId: review.id, outcome: 'Completed', pin: '4321' })).toMatchObject({ ok: true });
    expect(signals(aida)).toHaveLength(1);
  });

  it('auto-approves confident reads when enabled, and audits them as automatic', async () => {
    const aida = await started.aida();
    const core = await consoleFor(aida.url, undefined, { review: { autoApproveAbove: 0.95 } });
    await core.post(ocrExecuted('85', [['MRZ', 'LINE', 0.99]]));
    await core.post(ocrExecuted('86', [['MRZ', 'LINE', 0.6]]));
    await until(() => signals(aida).length, (n) => n === 1);
    const audit = await core.handlers.listAudit({ offset: 0, limit: 10 });
    expect(audit.ok && audit.value.rows.map((c) => [c.role, c.actor])).toEqual([['automatic', expect.stringContaining('auto-approval')]]);
    expect((signals(aida)[0]?.body as { workflowInstanceId: string }).workflowInstanceId).toBe('wf-85');
  });
});

describe('the audit trail', () => {
  it('matches what is typed in the "who" filter literally', async () => {
    const aida = await started.aida();
    const core = await consoleFor(aida.url);
    await core.handlers.resume({ machineId: 'm1' });
    const all = await core.handlers.listAudit({ offset: 0, limit: 10, actor: '@' });
    expect(all.ok && all.value.total).toBe(1);
    const wildcard = await core.handlers.listAudit({ offset: 0, limit: 10, actor: '%' });
    expect(wildcard.ok && wildcard.value.total).toBe(0);
  });
});
