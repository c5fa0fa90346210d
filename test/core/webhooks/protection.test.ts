import { afterEach, describe, expect, it } from 'vitest';
import { workflowStarted } from '../../fixtures/aida';
import { loadLayeredConfig } from '../../../electron/core/config/layered';
import { startTestConsole, testConfig, type TestConsole } from '../../helpers/core';
import { tempLocations, writeJson } from '../config/helpers';

let core: TestConsole | undefined;
afterEach(async () => {
  await core?.stop();
  core = undefined;
});

const TOKEN = 'a-long-shared-token-0123456789';
const MACHINE = { id: 'm1', apiUrl: 'http://127.0.0.1:5999', kind: 'box' as const };

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

  it('starts with an allow-list entry out of range, which once stopped the console, and keeps the valid ones', async () => {
    const locations = tempLocations();
    writeJson(locations.machine, { machines: [MACHINE], webhook: { host: '127.0.0.1', allowFrom: ['10.1.0.0/33', '127.0.0.1'] } });
    const loaded = loadLayeredConfig(['--webhook-port', '0', '--data-dir', locations.dir], { locations });
    core = await startTestConsole(loaded.config);
    expect((await core.post(workflowStarted('1'))).status).toBe(200);
    expect(loaded.problems).toEqual([expect.objectContaining({ key: 'webhook.allowFrom.0' })]);
  });

  it('refuses every delivery (403, recorded) and raises an alert on every screen when no entry is valid', async () => {
    const locations = tempLocations();
    writeJson(locations.machine, { machines: [MACHINE], webhook: { host: '127.0.0.1', allowFrom: ['10.0.0.0/', '10.1.0.0/33'] } });
    const loaded = loadLayeredConfig(['--webhook-port', '0', '--data-dir', locations.dir], { locations });
    core = await startTestConsole(loaded.config);
    expect((await core.post(workflowStarted('1'))).status).toBe(403);
    const snapshot = await core.handlers.getSnapshot({});
    expect(snapshot.ok && snapshot.value.listenerAlerts).toEqual([
      expect.objectContaining({ id: 'allow-from-none', title: 'Every webhook is refused: webhook.allowFrom admits no address' }),
    ]);
    expect(snapshot.ok && snapshot.value.rejectedTotal).toBe(1);
  });

  it('accepts the previous token as well as the new one during a changeover, and nothing else', async () => {
    const previous = 'the-token-being-replaced-0123';
    core = await startTestConsole(testConfig({ machines: [MACHINE], webhook: { token: TOKEN, previousToken: previous } }));
    expect((await core.post(workflowStarted('1'), { headers: { 'X-Console-Token': TOKEN } })).status).toBe(200);
    expect((await core.post(workflowStarted('2'), { headers: { 'X-Console-Token': previous } })).status).toBe(200);
    const url = `http://127.0.0.1:${new URL(core.webhookUrl).port}/ixla/aida/v1/webhooks/${previous}`;
    expect((await fetch(url, { method: 'POST', body: JSON.stringify(workflowStarted('3')) })).status).toBe(200);
    expect((await core.post(workflowStarted('4'), { headers: { 'X-Console-Token': `${previous}x` } })).status).toBe(401);
    expect((await core.post(workflowStarted('5'))).status).toBe(401);
  });
});
