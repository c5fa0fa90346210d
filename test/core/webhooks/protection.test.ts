import { afterEach, describe, expect, it } from 'vitest';
import { workflowStarted } from '../../fixtures/aida';
import { startTestConsole, testConfig, type TestConsole } from '../../helpers/core';

let core: TestConsole | undefined;
afterEach(async () => {
  await core?.stop();
  core = undefined;
});

const TOKEN = 'a-long-shared-token-0123456789';

describe('optional protection of the LAN listener', () => {
  it('is off by default', async () => {
    core = await startTestConsole(testConfig({ machines: [{ id: 'm1', apiUrl: 'http://127.0.0.1:5999', kind: 'box' }] }));
    expect((await core.post(workflowStarted('1'))).status).toBe(200);
  });

  it('accepts the token in a header or as the last path segment, and records refusals', async () => {
    core = await startTestConsole(testConfig({ machines: [{ id: 'm1', apiUrl: 'http://127.0.0.1:5999', kind: 'box' }], webhook: { token: TOKEN } }));
    expect((await core.post(workflowStarted('1'))).status).toBe(401);
    expect((await core.post(workflowStarted('2'), { headers: { 'X-Console-Token': 'wrong-token-wrong-token' } })).status).toBe(401);
    expect((await core.post(workflowStarted('3'), { headers: { 'X-Console-Token': TOKEN } })).status).toBe(200);
    const url = `http://127.0.0.1:${new URL(core.webhookUrl).port}/ixla/aida/v1/webhooks/${TOKEN}`;
    const viaPath = await fetch(url, { method: 'POST', body: JSON.stringify(workflowStarted('4')) });
    expect(viaPath.status).toBe(200);
    const rejected = await core.handlers.listDeliveries({ outcome: 'rejected', offset: 0, limit: 10 });
    expect(rejected.ok && rejected.value.rows.map((d) => [d.httpStatus, d.reason])).toEqual([
      [401, 'missing or wrong listener token'],
      [401, 'missing or wrong listener token'],
    ]);
    expect(rejected.ok && JSON.stringify(rejected.value.rows)).not.toContain('wrong-token-wrong-token');
  });

  it('refuses sources outside the allow-list with 403', async () => {
    core = await startTestConsole(
      testConfig({ machines: [{ id: 'm1', apiUrl: 'http://127.0.0.1:5999', kind: 'box' }], webhook: { allowFrom: ['10.0.0.0/8'] } }),
    );
    const res = await core.post(workflowStarted('1'));
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: expect.stringContaining('127.0.0.1') });
  });

  it('admits loopback when the allow-list names it', async () => {
    core = await startTestConsole(
      testConfig({ machines: [{ id: 'm1', apiUrl: 'http://127.0.0.1:5999', kind: 'box' }], webhook: { allowFrom: ['127.0.0.0/8', '::1'] } }),
    );
    expect((await core.post(workflowStarted('1'))).status).toBe(200);
  });
});
