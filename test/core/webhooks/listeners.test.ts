import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ListenerAlertView } from '../../../shared/api/alerts';
import { workflowStarted } from '../../fixtures/aida';
import { startTestConsole, testConfig, type TestConsole } from '../../helpers/core';

const CERT = join(__dirname, '../../fixtures/tls/test-cert.pem');
const KEY = join(__dirname, '../../fixtures/tls/test-key.pem');
const MACHINE = { id: 'm1', apiUrl: 'http://127.0.0.1:5999', kind: 'box' as const };

let core: TestConsole | undefined;
let blocker: Server | undefined;
afterEach(async () => {
  await core?.stop();
  core = undefined;
  await new Promise<void>((resolve) => (blocker ? blocker.close(() => resolve()) : resolve()));
  blocker = undefined;
});

/** A port another program holds. */
async function occupiedPort(): Promise<number> {
  blocker = createServer();
  await new Promise<void>((resolve) => blocker?.listen(0, '127.0.0.1', resolve));
  const address = blocker.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function listenerAlerts(c: TestConsole): Promise<ListenerAlertView[]> {
  const snapshot = await c.handlers.getSnapshot({});
  if (!snapshot.ok) throw new Error(snapshot.error.message);
  return snapshot.value.listenerAlerts ?? [];
}

describe('a webhook listener that cannot open', () => {
  it('starts the console without it when the port is taken, and says so on every screen', async () => {
    const port = await occupiedPort();
    core = await startTestConsole({ ...testConfig({ machines: [MACHINE], webhook: { host: '127.0.0.1' } }), webhookPort: port });
    const alerts = await listenerAlerts(core);
    expect(alerts).toEqual([expect.objectContaining({ id: 'webhook-listener', title: 'Webhooks cannot be received' })]);
    expect(alerts[0]?.text).toContain(`port ${port}: another program (or another console) already uses that port`);
    // The rest of the console works: the UI reads, commands can be queued.
    const jobs = await core.handlers.listJobs({ offset: 0, limit: 10 });
    expect(jobs.ok).toBe(true);
  });

  it('starts without HTTPS when the TLS port is taken, and plain HTTP still receives', async () => {
    const port = await occupiedPort();
    core = await startTestConsole(testConfig({ machines: [MACHINE], webhook: { host: '127.0.0.1', tls: { certFile: CERT, keyFile: KEY, port } } }));
    expect(await listenerAlerts(core)).toEqual([expect.objectContaining({ id: 'webhook-tls', text: expect.stringContaining(`port ${port} could not be opened`) })]);
    expect((await core.post(workflowStarted('1'))).status).toBe(200);
  });

  it('starts without HTTPS when the key is not a key', async () => {
    core = await startTestConsole(testConfig({ machines: [MACHINE], webhook: { host: '127.0.0.1', tls: { certFile: CERT, keyFile: CERT, port: 0 } } }));
    expect(await listenerAlerts(core)).toEqual([expect.objectContaining({ id: 'webhook-tls', text: expect.stringContaining('cannot be used') })]);
  });

  it('raises no alert when everything opens', async () => {
    core = await startTestConsole(testConfig({ machines: [MACHINE], webhook: { host: '127.0.0.1', tls: { certFile: CERT, keyFile: KEY, port: 0 } } }));
    expect(await listenerAlerts(core)).toEqual([]);
  });
});
