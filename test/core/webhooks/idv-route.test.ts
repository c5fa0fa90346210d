import express from 'express';
import type { Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConfigFile } from '../../../electron/core/config/schema';
import { IDV_UNAUTHENTICATED_REFUSED, IDV_WEBHOOK_PATH } from '../../../electron/core/webhooks/idv-route';
import { workflowStarted } from '../../fixtures/aida';
import { FINISHED_EXPIRED, FINISHED_OK, SEED_PROCESS_ID, finished, invalidIdentity } from '../../fixtures/idv';
import { startTestConsole, testConfig, type TestConsole } from '../../helpers/core';
import { feeds, isFeedsEvent, postTo, query } from './harness';

let core: TestConsole | undefined;
let server: Server | undefined;

afterEach(async () => {
  await core?.stop();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  core = undefined;
  server = undefined;
});

/** A console with a machine configured: not training mode, so nothing is accepted for being local. */
const LIVE: ConfigFile = { machines: [{ id: 'm1', apiUrl: 'http://127.0.0.1:9', kind: 'box' }] };

async function idvConsole(idv: ConfigFile['idv'] = {}, extra: ConfigFile = {}) {
  core = await startTestConsole(testConfig({ idv, ...extra }));
  return core;
}

const post = (c: TestConsole, body: string, headers: Record<string, string> = {}) => postTo(c, IDV_WEBHOOK_PATH, body, headers);

describe('POST /idv/webhooks over real HTTP and SQLite', () => {
  it('shows the seed examples in the verification view; expired alerts with its last event, ok does not', async () => {
    const c = await idvConsole();
    expect((await post(c, FINISHED_EXPIRED)).status).toBe(200);
    await c.waitForEvent(isFeedsEvent('alerts'));
    let { verifications, alerts } = await feeds(c);
    expect(verifications).toEqual([
      expect.objectContaining({
        processId: SEED_PROCESS_ID,
        state: 'PROCESS_STATE_FINISHED',
        result: 'expired',
        outcome: 'expired',
        lastEvent: 'EVENT_TYPE_SESSION_ENDED',
        lastEventText: 'Session ended by timeout or by new session created',
        alert: 'Verification expired: the applicant did not finish — Session ended by timeout or by new session created',
      }),
    ]);
    expect(alerts).toEqual([expect.objectContaining({ source: 'idv', title: 'Identity verification expired', subject: SEED_PROCESS_ID })]);

    expect((await post(c, FINISHED_OK)).status).toBe(200);
    ({ verifications, alerts } = await feeds(c));
    expect(verifications[0]).toMatchObject({ result: 'ok', outcome: 'passed', deliveries: 2, resultText: 'Identity verified' });
    expect(verifications[0]?.alert).toBeUndefined();
    expect(alerts).toHaveLength(1);
  });

  it('raises an alert for invalid_identity', async () => {
    const c = await idvConsole();
    await post(c, invalidIdentity('p-bad'));
    const { alerts, verifications } = await feeds(c);
    expect(verifications[0]).toMatchObject({ processId: 'p-bad', outcome: 'failed', flow: 'idtoken' });
    expect(alerts[0]).toMatchObject({ title: 'Identity NOT verified', text: 'Process p-bad, flow idtoken.' });
  });

  it('acknowledges an at-least-once repeat without applying it twice', async () => {
    const c = await idvConsole();
    expect((await post(c, invalidIdentity('p-1'))).status).toBe(200);
    const again = await post(c, invalidIdentity('p-1'));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ duplicate: true });
    const { verifications, alerts } = await feeds(c);
    expect(verifications[0]?.deliveries).toBe(1);
    expect(alerts).toHaveLength(1);
    expect(query(c, 'SELECT count(*) AS n, max(duplicates) AS d FROM events')).toEqual([{ n: 1, d: 1 }]);
  });

  it('changes which results alert at run time, and returns to the config file\'s rules', async () => {
    const c = await idvConsole({ alertOn: { results: ['invalid_identity'], events: [] } });
    const changed = await c.handlers.setVerificationAlertRules({ rules: { results: ['expired'], events: ['EVENT_TYPE_ERROR_ON_DOCUMENT_STEP'] } });
    expect(changed.ok && changed.value.idv).toMatchObject({
      alertRules: { results: ['expired'], events: ['EVENT_TYPE_ERROR_ON_DOCUMENT_STEP'] },
      configuredRules: { results: ['invalid_identity'], events: [] },
      rulesChangedBy: expect.stringContaining('@'),
    });
    await c.waitForEvent(isFeedsEvent('settings'));
    await post(c, invalidIdentity('p-2'));
    expect((await feeds(c)).alerts).toEqual([]);
    await post(c, finished('p-3', 'expired', { lastEvent: 'EVENT_TYPE_ERROR_ON_DOCUMENT_STEP' }));
    expect((await feeds(c)).alerts[0]?.text).toContain('Last event: Error on document step');

    await c.handlers.setVerificationAlertRules({ rules: null });
    await post(c, invalidIdentity('p-4'));
    const { alerts, settings } = await feeds(c);
    expect(alerts.map((a) => a.subject)).toEqual(['p-4', 'p-3']);
    expect(settings.idv.rulesChangedAt).toBeUndefined();
  });

  it('keeps the rules it raised an alert under: a later change does not re-judge what arrived', async () => {
    const c = await idvConsole();
    await post(c, invalidIdentity('p-5'));
    await c.handlers.setVerificationAlertRules({ rules: { results: [], events: [] } });
    expect((await feeds(c)).verifications[0]?.alert).toBe('Identity NOT verified');
  });

  it('links a verification to AIDA jobs by CorrelationId and by the configured metadata key', async () => {
    const c = await idvConsole({ linkMetadataKey: 'IdvProcessId', allowUnauthenticated: true }, LIVE);
    await c.post(workflowStarted('40', { CorrelationId: 'p-corr' }));
    await c.post(workflowStarted('41', { AdditionalMetadata: { idvprocessid: 'P-META', Other: 'x' } }));
    await c.post(workflowStarted('42'));
    await post(c, invalidIdentity('p-corr'));
    await post(c, finished('p-meta', 'ok'));
    // The queue's pages carry the verification (the jobs event only says which rows changed).
    const page = await c.handlers.listJobs({ offset: 0, limit: 10 });
    const byJob = Object.fromEntries((page.ok ? page.value.rows : []).map((j) => [j.jobId, j.verification]));
    expect(byJob['40']).toEqual({ processId: 'p-corr', outcome: 'failed', result: 'invalid_identity', text: 'Applicant FAILED identity verification' });
    expect(byJob['41']).toMatchObject({ processId: 'p-meta', outcome: 'passed' });
    expect(byJob['42']).toBeUndefined();
    const { verifications } = await feeds(c);
    expect(verifications.find((v) => v.processId === 'p-corr')?.jobs).toEqual([
      { source: 'aida', machineId: 'm1', key: '40', jobId: '40', status: 'Running', via: 'CorrelationId' },
    ]);
    expect(verifications.find((v) => v.processId === 'p-meta')?.jobs[0]?.via).toBe('AdditionalMetadata.IdvProcessId');
    const detail = await c.handlers.getJobDetail({ machineId: 'm1', key: '40' });
    expect(detail.ok && detail.value.job.verification?.outcome).toBe('failed');
  });

  it('shows an authenticated body that is not JSON, and refuses an unauthenticated one', async () => {
    const c = await idvConsole({ auth: { apiKey: { header: 'x-unico-key', value: 'k-secret' } } });
    expect((await post(c, 'not json', { 'x-unico-key': 'k-secret' })).status).toBe(200);
    expect((await feeds(c)).activity[0]).toMatchObject({ readable: false, headline: 'Identity verification — body unreadable' });
    await c.stop();
    core = await idvConsole();
    expect((await post(core, 'not json')).status).toBe(400);
  });

  it('says how the endpoint is authenticated when no credentials are configured', async () => {
    const c = await idvConsole();
    expect((await feeds(c)).settings.idv).toMatchObject({
      auth: [],
      unauthenticated: 'loopback-only',
      getProcess: false,
      alertRules: { results: ['invalid_identity', 'expired'], events: [] },
    });
  });
});

describe('POST /idv/webhooks without credentials', () => {
  it('refuses every delivery with 401, records why, and raises one alert that says how to fix it', async () => {
    const c = await idvConsole({}, LIVE);
    expect((await feeds(c)).settings.idv).toMatchObject({ auth: [], unauthenticated: 'refused' });
    const res = await post(c, invalidIdentity('p-20'));
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: IDV_UNAUTHENTICATED_REFUSED });
    expect(IDV_UNAUTHENTICATED_REFUSED).toContain('set idv.auth (or idv.allowUnauthenticated: true)');
    expect((await post(c, FINISHED_OK)).status).toBe(401);
    expect(query(c, 'SELECT source, outcome, http_status, reason FROM deliveries')).toEqual([
      { source: 'idv', outcome: 'rejected', http_status: 401, reason: IDV_UNAUTHENTICATED_REFUSED },
      { source: 'idv', outcome: 'rejected', http_status: 401, reason: IDV_UNAUTHENTICATED_REFUSED },
    ]);
    expect(query(c, 'SELECT * FROM events')).toEqual([]);
    const { verifications, alerts } = await feeds(c);
    expect(verifications).toEqual([]);
    expect(alerts).toEqual([
      expect.objectContaining({ source: 'idv', kind: 'refused', title: 'Identity-verification deliveries are refused', subject: IDV_WEBHOOK_PATH }),
    ]);
    expect(alerts[0]?.text).toContain('Set idv.auth');
    expect(alerts[0]?.text).toContain('idv.allowUnauthenticated: true');
  });

  it('with allowUnauthenticated, takes deliveries and refuses what is not JSON', async () => {
    const c = await idvConsole({ allowUnauthenticated: true }, LIVE);
    expect((await feeds(c)).settings.idv).toMatchObject({ auth: [], unauthenticated: 'accepted' });
    expect((await post(c, invalidIdentity('p-21'))).status).toBe(200);
    expect((await post(c, 'not json')).status).toBe(400);
    expect((await feeds(c)).verifications[0]?.processId).toBe('p-21');
  });

  it('never refuses for want of credentials a delivery that presents configured ones', async () => {
    const c = await idvConsole({ auth: { apiKey: { header: 'x-unico-key', value: 'k-secret' } } }, LIVE);
    expect((await post(c, FINISHED_OK, { 'x-unico-key': 'k-secret' })).status).toBe(200);
    expect((await post(c, FINISHED_OK)).status).toBe(401);
    expect((await feeds(c)).alerts).toEqual([]);
  });
});

describe('identity-verification credentials', () => {
  it.each([
    ['no key', {}, 401, 'missing credentials'],
    ['a wrong key', { 'x-unico-key': 'nope' }, 401, 'credentials do not match'],
    ['the key', { 'x-unico-key': 'k-secret' }, 200, undefined],
  ])('with a named API-key header, %s gets %i', async (_name, headers, status, reason) => {
    const c = await idvConsole({ auth: { apiKey: { header: 'X-Unico-Key', value: 'k-secret' } } });
    const res = await post(c, FINISHED_OK, headers);
    expect(res.status).toBe(status);
    const [row] = query<{ outcome: string; reason: string | null; headers: string }>(c, 'SELECT outcome, reason, headers FROM deliveries');
    expect(row?.reason ?? undefined).toBe(reason);
    expect(row?.headers).not.toContain('k-secret');
    if (status === 401) expect(query(c, 'SELECT * FROM events')).toEqual([]);
  });

  it('accepts the key alone in Authorization when no header is named', async () => {
    const c = await idvConsole({ auth: { apiKey: { value: 'k-secret' } } });
    expect((await post(c, FINISHED_OK, { Authorization: 'k-secret' })).status).toBe(200);
    expect((await post(c, FINISHED_EXPIRED, { Authorization: 'Bearer k-secret' })).status).toBe(401);
  });

  it('accepts matching Basic credentials only', async () => {
    const c = await idvConsole({ auth: { basic: { username: 'unico', password: 'p@ss:word' } } });
    const basic = (u: string, p: string) => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`;
    expect((await post(c, FINISHED_OK, { Authorization: basic('unico', 'p@ss:word') })).status).toBe(200);
    expect((await post(c, FINISHED_EXPIRED, { Authorization: basic('unico', 'wrong') })).status).toBe(401);
    expect((await feeds(c)).settings.idv.auth).toEqual(['basic']);
  });
});

describe('GetProcess on demand', () => {
  async function fakeGetProcess() {
    const calls: { path: string; auth: string | undefined }[] = [];
    const app = express();
    app.get('/v1/processes/:id', (req, res) => {
      calls.push({ path: req.path, auth: req.get('x-idv-auth') });
      if (req.params.id === 'missing') {
        res.status(404).json({ error: 'not found' });
        return;
      }
      res.json({ id: req.params.id, status: 'PROCESS_STATUS_FINISHED', result: 'PROCESS_RESULT_ERROR', person: { score: -40 } });
    });
    server = await new Promise<Server>((r) => {
      const s = app.listen(0, '127.0.0.1', () => r(s));
    });
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    return { url: `http://127.0.0.1:${address.port}/v1/processes/{processId}`, calls };
  }

  it('fetches and keeps the full result, in its own vocabulary', async () => {
    const fake = await fakeGetProcess();
    const c = await idvConsole({ getProcess: { urlTemplate: fake.url, authHeader: { name: 'X-Idv-Auth', value: 'token-1' } } });
    await post(c, invalidIdentity('p-9'));
    const result = await c.handlers.fetchVerificationDetails({ processId: 'p-9' });
    expect(fake.calls).toEqual([{ path: '/v1/processes/p-9', auth: 'token-1' }]);
    expect(result.ok && result.value).toMatchObject({
      state: 'PROCESS_STATE_FINISHED',
      result: 'invalid_identity',
      details: { httpStatus: 200, status: 'PROCESS_STATUS_FINISHED', result: 'PROCESS_RESULT_ERROR' },
    });
    expect(result.ok && result.value.details?.fields).toContainEqual({ name: 'person.score', value: '-40' });
    expect((await feeds(c)).verifications[0]?.details?.result).toBe('PROCESS_RESULT_ERROR');
  });

  it('says what went wrong, and refuses when not configured or for an unknown process', async () => {
    const fake = await fakeGetProcess();
    const c = await idvConsole({ getProcess: { urlTemplate: fake.url } });
    await post(c, finished('missing', 'ok'));
    const result = await c.handlers.fetchVerificationDetails({ processId: 'missing' });
    expect(result.ok && result.value.details).toMatchObject({ httpStatus: 404, error: 'GetProcess answered 404' });
    expect(await c.handlers.fetchVerificationDetails({ processId: 'never-seen' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await c.stop();
    core = await idvConsole();
    await post(core, finished('p-1', 'ok'));
    expect(await core.handlers.fetchVerificationDetails({ processId: 'p-1' })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});
