import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FINISHED_OK } from '../../fixtures/idv';
import { startTestConsole, testConfig, type TestConsole } from '../../helpers/core';
import { feeds } from './harness';

const CERT = join(__dirname, '../../fixtures/tls/test-cert.pem');
const KEY = join(__dirname, '../../fixtures/tls/test-key.pem');

let core: TestConsole | undefined;
afterEach(async () => {
  await core?.stop();
  core = undefined;
});

function httpsPost(url: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    // The test certificate is trusted explicitly: verification stays on.
    const req = request(url, { method: 'POST', ca: readFileSync(CERT), headers: { 'Content-Type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('the webhook listener over TLS', () => {
  it('serves the same routes over HTTPS on its own port, beside plain HTTP', async () => {
    core = await startTestConsole(testConfig({ webhook: { host: '127.0.0.1', tls: { certFile: CERT, keyFile: KEY, port: 0 } } }));
    const { settings } = await feeds(core);
    const https = settings.idv.urls.find((u) => u.startsWith('https://'));
    expect(https).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/idv\/webhooks$/);
    expect(await httpsPost((https ?? '').replace('127.0.0.1', 'localhost'), FINISHED_OK)).toBe(200);
    expect((await feeds(core)).verifications).toHaveLength(1);
    expect(settings.idv.urls.some((u) => u.startsWith('http://'))).toBe(true);
  });

  it('starts without HTTPS when it cannot read the certificate, naming the key on every screen', async () => {
    core = await startTestConsole(testConfig({ webhook: { host: '127.0.0.1', tls: { certFile: '/nonexistent/cert.pem', keyFile: KEY, port: 0 } } }));
    const snapshot = await core.handlers.getSnapshot({});
    expect(snapshot.ok && snapshot.value.listenerAlerts).toEqual([
      expect.objectContaining({ id: 'webhook-tls', text: expect.stringMatching(/webhook\.tls\.certFile \/nonexistent\/cert\.pem cannot be read/) }),
    ]);
    expect((await feeds(core)).settings.idv.urls.every((u) => u.startsWith('http://'))).toBe(true);
  });
});
