import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { workflowStarted } from '../../fixtures/aida';
import { startTestConsole, testConfig, type TestConsole } from '../../helpers/core';
import { startIngest } from '../ingest/harness';
import { query } from './harness';

let core: TestConsole | undefined;
afterEach(async () => {
  await core?.stop();
  core = undefined;
});

async function live() {
  core = await startTestConsole(testConfig({ machines: [{ id: 'm1', apiUrl: 'http://127.0.0.1:5999', kind: 'box' }] }));
  return { core, base: `http://127.0.0.1:${new URL(core.webhookUrl).port}` };
}

describe('the webhook listener', () => {
  it('takes the AIDA path in any case and with a trailing slash, as express routing did', async () => {
    const { base } = await live();
    for (const [i, path] of ['/IXLA/aida/v1/Webhooks', '/ixla/aida/v1/webhooks/'].entries()) {
      const res = await fetch(`${base}${path}`, { method: 'POST', body: JSON.stringify(workflowStarted(String(i))) });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toContain('application/json');
    }
  });

  it('answers the health check, and 404 to anything that is not a webhook', async () => {
    const { base } = await live();
    expect(await (await fetch(`${base}/health`)).json()).toEqual({ ok: true });
    expect((await fetch(`${base}/ixla/aida/v1/webhooks`)).status).toBe(404);
    expect((await fetch(`${base}/elsewhere`, { method: 'POST', body: '{}' })).status).toBe(404);
    expect((await fetch(`${base}/ixla/aida/v1/webhooks/extra`, { method: 'POST', body: '{}' })).status).toBe(404);
  });

  it('keeps serving after a sender hangs up in the middle of a body', async () => {
    const { core, base } = await live();
    const url = new URL(`${base}/ixla/aida/v1/webhooks`);
    await new Promise<void>((resolve) => {
      const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'Content-Length': '1000' } });
      req.on('error', () => resolve());
      req.write('{"MessageType": "WorkflowSt');
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 50);
    });
    expect((await core.post(workflowStarted('99'))).status).toBe(200);
  });
});

describe('one delivery among others sharing a group commit', () => {
  it('a body a thousand levels deep is refused alone: every delivery beside it is acknowledged and stored', async () => {
    const { core, base } = await live();
    const deep = `{"MessageType":"WorkflowStarted","MessageId":"deep","Deep":${'['.repeat(1000)}${']'.repeat(1000)}}`;
    const goods = Array.from({ length: 20 }, (_, i) => JSON.stringify(workflowStarted(`g${i}`)));
    const send = (body: string) => fetch(`${base}/ixla/aida/v1/webhooks`, { method: 'POST', body });
    const [refused, ...answers] = await Promise.all([send(deep), ...goods.map(send)]);
    expect(refused?.status).toBe(400);
    expect(answers.map((a) => a.status)).toEqual(goods.map(() => 200));
    const page = await core.handlers.listJobs({ offset: 0, limit: 50 });
    expect(page.ok && page.value.rows.map((j) => j.jobId).sort()).toEqual(goods.map((_, i) => `g${i}`).sort());
  });
});

describe('a delivery a web page made the browser send', () => {
  /** What Chromium sends with a page's `fetch(url, {mode: 'no-cors', method: 'POST'})` or a plain form. */
  const FROM_A_PAGE = { Origin: 'http://evil.example', 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'no-cors', 'Content-Type': 'text/plain;charset=UTF-8' };

  it.each([
    ['a no-cors fetch', FROM_A_PAGE],
    ['a form post (Origin only)', { Origin: 'null', 'Content-Type': 'application/x-www-form-urlencoded' }],
    ['a browser that sends only Sec-Fetch-Site', { 'Sec-Fetch-Site': 'same-site' }],
  ])('from %s: refused with 403, recorded with why, and nothing applied', async (_name, headers) => {
    const { core, base } = await live();
    const forged = JSON.stringify(workflowStarted('forged'));
    const res = await fetch(`${base}/ixla/aida/v1/webhooks`, { method: 'POST', headers, body: forged });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toMatch(/^sent by a web browser \(.+\): a web page cannot deliver webhooks$/);
    const rejected = await core.handlers.listDeliveries({ outcome: 'rejected', offset: 0, limit: 10 });
    expect(rejected.ok && rejected.value.rows).toEqual([expect.objectContaining({ httpStatus: 403, reason: expect.stringContaining('web browser') })]);
    // A later, real delivery is applied; the forged one never was.
    expect((await core.post(workflowStarted('real'))).status).toBe(200);
    const page = await core.handlers.listJobs({ offset: 0, limit: 10 });
    expect(page.ok && page.value.rows.map((j) => j.jobId)).toEqual(['real']);
  });

  it("accepts Node's own fetch: sec-fetch-mode cors and text/plain refuse nothing", async () => {
    const { core, base } = await live();
    // Node's fetch (undici) adds `sec-fetch-mode: cors` itself, and a string body is sent as text/plain.
    const res = await fetch(`${base}/ixla/aida/v1/webhooks`, { method: 'POST', body: JSON.stringify(workflowStarted('node')) });
    expect(res.status).toBe(200);
    const [stored] = query<{ headers: string }>(core, 'SELECT headers FROM deliveries');
    expect(JSON.parse(stored?.headers ?? '{}')).toMatchObject({ 'sec-fetch-mode': 'cors', 'content-type': 'text/plain;charset=UTF-8' });
  });
});

describe('a storage fault', () => {
  it('is answered 503, so the machine retries, and the retry is stored once the disk has room', async () => {
    const harness = await startIngest();
    try {
      const body = (id: string) => [Buffer.from(JSON.stringify(workflowStarted(id, { Padding: 'x'.repeat(64 * 1024) })))];
      expect((await harness.post(body('1'))).status).toBe(200);
      // The database may not grow: SQLite answers SQLITE_FULL, as on a full disk.
      harness.db.pragma(`max_page_count = ${harness.db.pragma('page_count', { simple: true }) as number}`);
      const refused = await harness.post(body('2'));
      expect(refused).toEqual({ status: 503, json: { error: 'the console could not store the message; retry' } });
      harness.db.pragma('max_page_count = 1073741823');
      expect((await harness.post(body('2'))).status).toBe(200);
      expect(harness.deliveriesAfter(0).map((r) => r.http_status)).toEqual([200, 200]);
    } finally {
      await harness.close();
    }
  });
});
