import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { serveConsole, type ServeHandle } from '../../../electron/core/transport/serve-server';
import { startTestConsole, tempDir, testConfig, type TestConsole } from '../../helpers/core';

let core: TestConsole | undefined;
let ui: ServeHandle | undefined;

afterEach(async () => {
  await ui?.close();
  await core?.stop();
});

async function serve() {
  const rendererDir = tempDir('ic-renderer-');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  core = await startTestConsole(testConfig());
  ui = await serveConsole(core, { port: 0, rendererDir });
  const base = new URL(ui.url);
  return { base, token: ui.token };
}

function tryConnect(url: string, headers: Record<string, string>): Promise<{ opened: boolean; status?: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on('open', () => {
      ws.close();
      resolve({ opened: true });
    });
    ws.on('unexpected-response', (_req, res) => resolve({ opened: false, status: res.statusCode ?? 0 }));
    ws.on('error', () => resolve({ opened: false }));
  });
}

describe('serve mode is locked to its own page', () => {
  it('accepts its own origin with the token, and answers a call', async () => {
    const { base, token } = await serve();
    const ws = new WebSocket(`ws://${base.host}/api/ws?token=${token}`, { headers: { Origin: base.origin } });
    await new Promise((r) => ws.once('open', r));
    const answer = new Promise<string>((r) => ws.once('message', (d) => r(String(d))));
    ws.send(JSON.stringify({ id: 1, method: 'getSnapshot', params: {} }));
    expect(JSON.parse(await answer)).toMatchObject({ id: 1, result: { ok: true, value: { mode: 'training' } } });
    ws.close();
  });

  it.each([
    ['a wrong token', (b: URL) => `ws://${b.host}/api/ws?token=nope`, (b: URL) => ({ Origin: b.origin })],
    ['no token', (b: URL) => `ws://${b.host}/api/ws`, (b: URL) => ({ Origin: b.origin })],
    ['a foreign origin', (b: URL, t: string) => `ws://${b.host}/api/ws?token=${t}`, () => ({ Origin: 'http://evil.example' })],
    ['no origin', (b: URL, t: string) => `ws://${b.host}/api/ws?token=${t}`, () => ({})],
    [
      'a rebinding Host',
      (b: URL, t: string) => `ws://${b.host}/api/ws?token=${t}`,
      (b: URL) => ({ Origin: `http://evil.example:${b.port}`, Host: `evil.example:${b.port}` }),
    ],
  ])('refuses %s', async (_name, url, headers) => {
    const { base, token } = await serve();
    const result = await tryConnect(url(base, token), headers(base));
    expect(result.opened).toBe(false);
  });

  it('refuses the page itself to a Host that is not its own', async () => {
    const { base } = await serve();
    // fetch() may not set Host; a raw request can, as a DNS-rebinding page's browser would.
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: Number(base.port), path: '/', headers: { Host: `attacker.example:${base.port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
  });

  it('rejects unknown methods and malformed arguments without running them', async () => {
    const { base, token } = await serve();
    const ws = new WebSocket(`ws://${base.host}/api/ws?token=${token}`, { headers: { Origin: base.origin } });
    await new Promise((r) => ws.once('open', r));
    const answers: unknown[] = [];
    ws.on('message', (d) => {
      const frame = JSON.parse(String(d)) as { id?: number };
      if (frame.id) answers.push(frame);
    });
    ws.send(JSON.stringify({ id: 1, method: 'dropDatabase', params: {} }));
    ws.send(JSON.stringify({ id: 2, method: 'resume', params: { machineId: 42 } }));
    await expect.poll(() => answers.length).toBe(2);
    expect(answers).toEqual([
      { id: 1, result: { ok: false, error: { code: 'invalid-request', message: expect.stringContaining('unknown method') } } },
      { id: 2, result: { ok: false, error: { code: 'invalid-request', message: expect.stringContaining('machineId') } } },
    ]);
    ws.close();
  });
});

describe('serve mode under a hostile client', () => {
  it('survives a WebSocket frame over the limit: that connection closes, the console keeps serving', async () => {
    const { base, token } = await serve();
    const url = `ws://${base.host}/api/ws?token=${token}`;
    const big = new WebSocket(url, { headers: { Origin: base.origin } });
    await new Promise((r) => big.once('open', r));
    const closed = new Promise<number>((r) => big.once('close', (code) => r(code)));
    big.on('error', () => {});
    big.send('x'.repeat(300 * 1024));
    // 1009: "message too big", the server's own answer to the frame, not a crash.
    expect(await closed).toBe(1009);

    const next = new WebSocket(url, { headers: { Origin: base.origin } });
    await new Promise((r) => next.once('open', r));
    const answer = new Promise<unknown>((r) =>
      next.on('message', (d) => {
        const frame = JSON.parse(String(d)) as { id?: unknown };
        if (frame.id === 2) r(frame);
      }),
    );
    next.send(JSON.stringify({ id: 2, method: 'getSnapshot', params: {} }));
    expect(await answer).toMatchObject({ id: 2, result: { ok: true } });
    next.close();
  });
});
