import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { workflowStarted } from '../../fixtures/aida';
import { startTestConsole, testConfig, type TestConsole } from '../../helpers/core';

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
