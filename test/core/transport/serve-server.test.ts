import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ConsoleEvent } from '../../../shared/api/contract';
import { MAX_EVENT_BACKLOG_BYTES, serveConsole, type ServeHandle } from '../../../electron/core/transport/serve-server';
import { startTestConsole, tempDir, testConfig, type TestConsole } from '../../helpers/core';

let core: TestConsole | undefined;
let ui: ServeHandle | undefined;

afterEach(async () => {
  await ui?.close();
  await core?.stop();
});

async function serve(events?: { emit?: (event: ConsoleEvent) => void }) {
  const rendererDir = tempDir('ic-renderer-');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  core = await startTestConsole(testConfig());
  const running = core.running;
  // A test may push events of its own to every page, as the core's services do.
  const listeners = new Set<(event: ConsoleEvent) => void>();
  if (events) events.emit = (event) => listeners.forEach((l) => l(event));
  const onEvent: typeof running.onEvent = (listener) => {
    listeners.add(listener);
    const off = running.onEvent(listener);
    return () => {
      listeners.delete(listener);
      off();
    };
  };
  ui = await serveConsole({ ...running, onEvent }, { port: 0, rendererDir });
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

/** A page request as a browser makes it, redirects not followed. */
async function get(base: URL, path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`http://${base.host}${path}`, { redirect: 'manual', headers });
  return {
    status: res.status,
    location: res.headers.get('location'),
    setCookie: res.headers.get('set-cookie'),
    challenge: res.headers.get('www-authenticate'),
    body: await res.text(),
  };
}

/** What a browser sends for `http://console:<token>@host/` once the console asks for credentials. */
const basic = (password: string) => ({ Authorization: `Basic ${Buffer.from(`console:${password}`).toString('base64')}` });

/** The session cookie a browser would send back: the `name=value` part of the Set-Cookie. */
const cookieOf = (setCookie: string | null) => setCookie?.split(';')[0] ?? '';

describe('the access token leaves the address before the browser records it', () => {
  it('prints the token as the address’s user part, and trades it for a session cookie the page cannot read', async () => {
    const { base, token } = await serve();
    // The printed address carries no query: browsers keep the user part out of their history and address bar.
    const printed = new URL(ui?.url ?? '');
    expect(printed.search).toBe('');
    expect(decodeURIComponent(printed.password)).toBe(token);

    const first = await get(base, '/', basic(token));
    expect(first.status).toBe(303);
    expect(first.location).toBe(`http://${base.host}/`);
    expect(first.setCookie).toMatch(new RegExp(`^issuance-console-${base.port}=[^;]+; Path=/; HttpOnly; SameSite=Strict$`));
    expect(first.setCookie).not.toContain(token);

    const page = await get(base, '/', { Cookie: `other=1; ${cookieOf(first.setCookie)}` });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>t</title>');
  });

  it('still takes `?token=` (an older link), and sends the browser on to the address without it', async () => {
    const { base, token } = await serve();
    const traded = await get(base, `/?token=${token}&view=reviews`);
    expect(traded.status).toBe(303);
    expect(traded.location).toBe(`http://${base.host}/?view=reviews`);
    expect(cookieOf(traded.setCookie)).toMatch(/^issuance-console-\d+=/);
    // With the session already open, an address that names the token is only cleaned.
    const again = await get(base, `/?token=${token}`, { Cookie: cookieOf(traded.setCookie) });
    expect([again.status, again.location, again.setCookie]).toEqual([303, `http://${base.host}/`, null]);
    // Never to another site, whatever the path.
    const sneaky = await get(base, `/a/..//evil.example/?token=${token}`);
    expect(sneaky.location?.startsWith(`http://${base.host}/`)).toBe(true);
    expect(sneaky.location).not.toContain('//evil.example');
  });

  it('serves nothing of the page without the session, and says what to open', async () => {
    const { base } = await serve();
    const bare = await get(base, '/');
    expect(bare.status).toBe(401);
    expect(bare.body).toContain('Open the console with the address it printed when it started');
    // The challenge that makes a browser send the printed address's user part, or ask for the token as a password.
    expect(bare.challenge).toMatch(/^Basic realm=/);
    for (const wrong of [await get(base, '/?token=nope'), await get(base, '/', basic('nope'))]) {
      expect(wrong.status).toBe(401);
      expect(wrong.body).toContain('not the access token of this console');
      expect(wrong.setCookie).toBeNull();
    }
    expect((await get(base, '/index.html', { Cookie: `issuance-console-${base.port}=forged` })).status).toBe(401);
  });

  it('opens the API to its own page by the session cookie, and to no other origin or cookie', async () => {
    const { base, token } = await serve();
    const cookie = cookieOf((await get(base, '/', basic(token))).setCookie);
    const ws = new WebSocket(`ws://${base.host}/api/ws`, { headers: { Origin: base.origin, Cookie: cookie } });
    await new Promise((r) => ws.once('open', r));
    const answer = new Promise<string>((r) => ws.once('message', (d) => r(String(d))));
    ws.send(JSON.stringify({ id: 1, method: 'getSnapshot', params: {} }));
    expect(JSON.parse(await answer)).toMatchObject({ id: 1, result: { ok: true } });
    ws.close();

    expect(await tryConnect(`ws://${base.host}/api/ws`, { Origin: 'http://evil.example', Cookie: cookie })).toMatchObject({ opened: false, status: 403 });
    expect(await tryConnect(`ws://${base.host}/api/ws`, { Origin: base.origin, Cookie: `issuance-console-${base.port}=forged` })).toMatchObject({
      opened: false,
      status: 403,
    });
  });
});

describe('serve mode and an address that does not parse', () => {
  it('answers the page and the WebSocket upgrade with a refusal, and keeps serving', async () => {
    const { base, token } = await serve();
    const raw = (request: string) =>
      new Promise<string>((resolve) => {
        const socket = connect(Number(base.port), '127.0.0.1');
        let answer = '';
        socket.on('data', (d) => (answer += String(d)));
        socket.on('close', () => resolve(answer));
        socket.on('error', () => resolve(answer));
        socket.end(request);
      });
    const host = `Host: ${base.host}\r\n`;
    expect(await raw(`GET //[ HTTP/1.1\r\n${host}Connection: close\r\n\r\n`)).toMatch(/^HTTP\/1\.1 401 /);
    const upgrade = 'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n';
    expect(await raw(`GET //[ HTTP/1.1\r\n${host}${upgrade}\r\n`)).toMatch(/^HTTP\/1\.1 404 /);
    expect((await get(base, '/', basic(token))).status).toBe(303);
  });
});

describe('a page that cannot keep up', () => {
  it('is disconnected once its unread events pass the cap, instead of growing the console without end', async () => {
    const events: { emit?: (event: ConsoleEvent) => void } = {};
    const { base, token } = await serve(events);
    const ws = new WebSocket(`ws://${base.host}/api/ws?token=${token}`, { headers: { Origin: base.origin } });
    await new Promise((r) => ws.once('open', r));
    const closed = new Promise<void>((r) => ws.once('close', () => r()));
    // The page stops reading (its renderer is busy); the console keeps announcing changes.
    (ws as unknown as { _socket: { pause(): void } })._socket.pause();
    const big: ConsoleEvent = { type: 'feeds', topics: Array.from({ length: 20_000 }, () => 'activity' as const) };
    const perEvent = JSON.stringify({ event: big }).length;
    for (let sent = 0; sent < 4 * MAX_EVENT_BACKLOG_BYTES; sent += perEvent) {
      events.emit?.(big);
      await new Promise((r) => setImmediate(r));
    }
    // Read again: what was queued before the cut arrives, then the end of the connection.
    (ws as unknown as { _socket: { resume(): void } })._socket.resume();
    await closed;
    expect(ws.readyState).toBe(WebSocket.CLOSED);
    // The console goes on serving: a new page connects and is answered.
    expect(await tryConnect(`ws://${base.host}/api/ws?token=${token}`, { Origin: base.origin })).toEqual({ opened: true });
  });
});
