import { mkdirSync, writeFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { serveConsole, type ServeHandle } from '../../../electron/core/transport/serve-server';
import { startTestConsole, tempDir, testConfig, type TestConsole } from '../../helpers/core';

let core: TestConsole | undefined;
let ui: ServeHandle | undefined;
const sockets: WebSocket[] = [];

afterEach(async () => {
  for (const ws of sockets.splice(0)) if (ws.readyState === WebSocket.OPEN) ws.close();
  await ui?.close();
  await core?.stop();
  ui = undefined;
  core = undefined;
});

const TOKEN = 'a-token-chosen-by-it-for-the-lan';
const machine = { machines: [{ id: 'm1', apiUrl: 'http://127.0.0.1:9/', kind: 'box' as const }] };

async function serve(host = '127.0.0.1') {
  const rendererDir = tempDir('ic-renderer-');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  core = await startTestConsole(testConfig(machine));
  ui = await serveConsole(core.running, { port: 0, host, rendererDir, token: TOKEN });
  return Number(new URL(ui.url).port);
}

interface Browser {
  cookie: string;
  call(method: string, params?: unknown): Promise<{ ok: boolean; value?: Record<string, unknown>; error?: { message: string } }>;
  events: { type: string; session?: Record<string, unknown> }[];
}

/** A browser that opened the printed address on `host`: trades the token for its cookie, then opens the API socket. */
async function browser(host: string, port: number): Promise<Browser> {
  const res = await fetch(`http://${host}:${port}/`, {
    redirect: 'manual',
    headers: { Authorization: `Basic ${Buffer.from(`console:${TOKEN}`).toString('base64')}` },
  });
  return socketOf(host, port, res.headers.get('set-cookie')?.split(';')[0] ?? '');
}

/** An API socket of a browser holding `cookie` (a second one: another tab of the same browser). */
async function socketOf(host: string, port: number, cookie: string): Promise<Browser> {
  const origin = `http://${host}:${port}`;
  const ws = new WebSocket(`ws://${host}:${port}/api/ws`, { headers: { Origin: origin, Cookie: cookie } });
  sockets.push(ws);
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('unexpected-response', (_req, r) => {
      // A refused upgrade leaves the socket connecting until it is ended here (closing it later would throw).
      ws.on('error', () => {});
      ws.terminate();
      reject(new Error(`upgrade refused: ${r.statusCode}`));
    });
  });
  const events: Browser['events'] = [];
  const waiting = new Map<number, (result: unknown) => void>();
  ws.on('message', (data) => {
    const frame = JSON.parse(String(data)) as { id?: number; result?: unknown; event?: Browser['events'][number] };
    if (frame.event) events.push(frame.event);
    else if (frame.id !== undefined) waiting.get(frame.id)?.(frame.result);
  });
  let next = 1;
  return {
    cookie,
    events,
    call(method, params = {}) {
      const id = next++;
      return new Promise((resolve) => {
        waiting.set(id, resolve as (r: unknown) => void);
        ws.send(JSON.stringify({ id, method, params }));
      });
    },
  };
}

const lanAddress = () =>
  Object.values(networkInterfaces())
    .flatMap((l) => l ?? [])
    .find((a) => !a.internal && a.family === 'IPv4')?.address;

describe('serve mode: one session per browser, in the core', () => {
  it('gives each browser a cookie of its own, and who signs in at one is not signed in at the other', async () => {
    const port = await serve();
    const [a, b] = [await browser('127.0.0.1', port), await browser('127.0.0.1', port)];
    expect(a.cookie).not.toEqual(b.cookie);
    expect(a.cookie).not.toContain(TOKEN);

    expect(await a.call('createFirstAccount', { name: 'Ida', pin: '246810' })).toMatchObject({ ok: true, value: { person: { name: 'Ida' } } });
    expect(await b.call('getSession')).toMatchObject({ ok: true, value: { signInRequired: true } });
    expect((await b.call('getSession')).value).not.toHaveProperty('person');

    // The session event for A's sign-in went to A; B heard only that the station now needs a sign-in.
    await expect.poll(() => a.events.filter((e) => e.type === 'session').length).toBeGreaterThan(0);
    expect(a.events.filter((e) => e.type === 'session').every((e) => (e.session?.['person'] as { name?: string } | undefined)?.name === 'Ida')).toBe(true);
    expect(b.events.filter((e) => e.type === 'session').some((e) => e.session?.['person'] !== undefined)).toBe(false);

    // A second socket of browser A (another tab) is the same session: the same person.
    const tab = await socketOf('127.0.0.1', port, a.cookie);
    expect(await tab.call('getSession')).toMatchObject({ value: { person: { name: 'Ida' } } });
  });

  it('refuses an API socket that names a session no browser was given', async () => {
    const port = await serve();
    await expect(socketOf('127.0.0.1', port, `issuance-console-${port}=made-up`)).rejects.toThrow(/403/);
  });
});

describe('serve mode: a thin client on the LAN', () => {
  it('cannot act without signing in, even on an open station, nor create the first account', async (context) => {
    const address = lanAddress();
    if (!address) context.skip();
    const port = await serve('0.0.0.0');
    const lan = await browser(address ?? '', port);
    const local = await browser('127.0.0.1', port);
    expect(await local.call('getSession')).toMatchObject({ value: { openStation: true } });
    expect(await lan.call('getSession')).toMatchObject({ value: { openStation: false, signInRequired: true, canCreateFirstAccount: false } });
    expect(await lan.call('stop', { machineId: 'm1' })).toMatchObject({ ok: false });
    expect(await lan.call('createFirstAccount', { name: 'Eve', pin: '13572468' })).toMatchObject({ ok: false, error: { message: /own computer/ } });

    expect(await local.call('createFirstAccount', { name: 'Ida', pin: '246810' })).toMatchObject({ ok: true });
    expect(await local.call('createAccount', { name: 'Olga', role: 'operator', pin: '1357', mustChangePin: false })).toMatchObject({ ok: true });
    const names = (await lan.call('getSession')).value?.['signInNames'] as { accountId: number; name: string }[];
    const olga = names.find((n) => n.name === 'Olga')?.accountId;
    expect(await lan.call('signIn', { accountId: olga, pin: '1357' })).toMatchObject({ ok: true, value: { person: { name: 'Olga' } } });
    expect(core?.events.some((e) => e.type === 'session')).toBe(false);
  });
});
