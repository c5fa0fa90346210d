import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serveConsole, type ServeHandle } from '../../../electron/core/transport/serve-server';
import { startTestConsole, tempDir, testConfig, type TestConsole } from '../../helpers/core';
import { startServe, type ServeProcess } from '../../helpers/serve-process';

let core: TestConsole | undefined;
let ui: ServeHandle | undefined;
let served: ServeProcess | undefined;

afterEach(async () => {
  await ui?.close();
  await core?.stop();
  await served?.stop();
  ui = undefined;
  core = undefined;
  served = undefined;
});

/** A page request naming the token as the browser does for `http://console:<token>@host/`: 303 to the bare address. */
function statusFor(port: number, host: string): Promise<number> {
  const authorization = `Basic ${Buffer.from('console:a-token-chosen-by-it-for-the-lan').toString('base64')}`;
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/', headers: { Host: host, Authorization: authorization } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serve mode for a thin client on the LAN (opt-in)', () => {
  it('on all interfaces, answers to this machine\'s own names and still refuses any other Host', async () => {
    const rendererDir = tempDir('ic-renderer-');
    mkdirSync(rendererDir, { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
    core = await startTestConsole(testConfig());
    ui = await serveConsole(core.running, { port: 0, host: '0.0.0.0', rendererDir, token: 'a-token-chosen-by-it-for-the-lan' });
    const port = Number(new URL(ui.url).port);
    expect(ui.url).toContain('console:a-token-chosen-by-it-for-the-lan@');
    expect(ui.address).not.toContain('token');
    expect(await statusFor(port, `127.0.0.1:${port}`)).toBe(303);
    expect(await statusFor(port, `${hostname().toLowerCase()}:${port}`)).toBe(303);
    expect(await statusFor(port, `attacker.example:${port}`)).toBe(421);
  });

  it('warns at start-up, and does not print a configured token', async () => {
    const dir = tempDir('ic-lan-');
    const config = join(dir, 'config.json');
    writeFileSync(config, JSON.stringify({ ui: { accessToken: 'a-token-chosen-by-it-for-the-lan' } }));
    served = await startServe(['--ui-host', '0.0.0.0', '--config', config]);
    await expect.poll(() => served?.output() ?? '').toContain('WARNING: the console\'s UI listens on 0.0.0.0');
    expect(served.uiUrl).not.toContain('token');
    expect(served.output()).not.toContain('a-token-chosen-by-it-for-the-lan');
  });

  it('stays on loopback without a token, and says why', async () => {
    served = await startServe(['--ui-host', '0.0.0.0']);
    expect(new URL(served.uiUrl).hostname).toBe('127.0.0.1');
    expect(served.output()).toContain('needs ui.accessToken');
    expect(served.output()).not.toContain('WARNING');
  });
});
