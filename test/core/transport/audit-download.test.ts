import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MIGRATIONS } from '../../../electron/core/store/migrations';
import { serveConsole, type ServeHandle } from '../../../electron/core/transport/serve-server';
import { fillAuditEvents, fillCommands } from '../../helpers/audit-rows';
import { startTestConsole, tempDir, testConfig, type TestConsole } from '../../helpers/core';
import { databaseAt } from '../store/helpers';

let core: TestConsole | undefined;
let ui: ServeHandle | undefined;

afterEach(async () => {
  await ui?.close();
  await core?.stop();
});

/** Serve mode over a store holding `rows` commands and `events` audit events; the session cookie a browser gets. */
async function serve(rows: number, events = 0) {
  const { db, dataDir } = databaseAt(Math.max(...MIGRATIONS.map((m) => m.version)));
  const start = new Date(Date.now() - 2 * 86_400_000).toISOString();
  fillCommands(db, rows, 1, start);
  fillAuditEvents(db, events, start);
  db.close();
  const rendererDir = tempDir('ic-renderer-');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  core = await startTestConsole(testConfig({}, dataDir));
  ui = await serveConsole(core, { port: 0, rendererDir });
  const base = new URL(ui.address);
  const entry = await fetch(`${base.origin}/?token=${ui.token}`, { redirect: 'manual' });
  const cookie = (entry.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { base, cookie, token: ui.token };
}

/** exportAudit (or exportAuditEvents) as the served page calls it, over its WebSocket. */
async function askExport(base: URL, token: string, params: unknown, method = 'exportAudit'): Promise<unknown> {
  const ws = new WebSocket(`ws://${base.host}/api/ws?token=${token}`, { headers: { Origin: base.origin } });
  await new Promise((r) => ws.once('open', r));
  const answer = new Promise<string>((r) => ws.once('message', (d) => r(String(d))));
  ws.send(JSON.stringify({ id: 1, method, params }));
  const result = (JSON.parse(await answer) as { result: unknown }).result;
  ws.close();
  return result;
}

describe('the audit export in serve mode', () => {
  it('gives the page a download, which streams every row of the filtered trail as CSV', async () => {
    const { base, cookie, token } = await serve(20_000);
    const result = (await askExport(base, token, { machineId: 'm2' })) as { ok: true; value: { kind: string; url: string; filename: string } };
    expect(result).toMatchObject({ ok: true, value: { kind: 'download', url: '/api/audit.csv?machineId=m2&lang=en' } });
    expect(result.value.filename).toMatch(/^issuance-audit-.*\.csv$/);

    const res = await fetch(new URL(result.value.url, base), { headers: { Cookie: cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment');
    const lines = (await res.text()).split('\r\n');
    expect(lines[0]).toBe('id,createdAt,updatedAt,machineId,kind,state,actor,role,attempts,reviewId,payload,outcome,accountId,accountRole,station,signedIn');
    // 20,000 / 7 commands on m2, then the empty string after the last CRLF.
    expect(lines).toHaveLength(1 + 2_857 + 1);
    expect(lines[1]?.startsWith('19999,')).toBe(true);
  });

  it('is refused without the session, to another Host, and for a query the contract refuses', async () => {
    const { base, cookie } = await serve(10);
    expect((await fetch(`${base.origin}/api/audit.csv`)).status).toBe(401);
    expect((await fetch(`${base.origin}/api/audit.csv`, { headers: { Cookie: 'issuance-console-session=forged' } })).status).toBe(401);
    expect((await fetch(`${base.origin}/api/audit.csv?kind=launch`, { headers: { Cookie: cookie } })).status).toBe(400);
    expect((await fetch(`${base.origin}/api/audit.csv?sql=1`, { headers: { Cookie: cookie } })).status).toBe(400);
    // fetch() may not set Host; a raw request can, as a DNS-rebinding page's browser would.
    const rebinding = await new Promise<number>((resolve, reject) => {
      const headers = { Cookie: cookie, Host: `evil.example:${base.port}` };
      const req = request({ host: '127.0.0.1', port: Number(base.port), path: '/api/audit.csv', headers }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(rebinding).toBe(421);
  });

  it('keeps serving after a download is cut short', async () => {
    const { base, cookie } = await serve(50_000);
    const aborted = new AbortController();
    const res = await fetch(`${base.origin}/api/audit.csv`, { headers: { Cookie: cookie }, signal: aborted.signal });
    const reader = res.body?.getReader();
    await reader?.read();
    aborted.abort();
    const again = await fetch(`${base.origin}/api/audit.csv?kind=stop`, { headers: { Cookie: cookie } });
    expect((await again.text()).split('\r\n')).toHaveLength(1 + 16_666 + 1);
  });

  it('carries a person filter (a number) in the address it gives the page', async () => {
    const { base, token } = await serve(10);
    expect(await askExport(base, token, { accountId: 3, kind: 'stop' })).toMatchObject({ ok: true, value: { url: '/api/audit.csv?kind=stop&accountId=3&lang=en' } });
  });
});

describe('the audit events export in serve mode', () => {
  it('gives the page a download, which streams every event the filters select, newest first, as CSV', async () => {
    const { base, cookie, token } = await serve(0, 20_000);
    const result = (await askExport(base, token, { accountId: 7, kind: 'account' }, 'exportAuditEvents')) as { ok: true; value: { url: string; filename: string } };
    expect(result).toMatchObject({ ok: true, value: { kind: 'download', url: '/api/audit-events.csv?accountId=7&kind=account&lang=en' } });
    expect(result.value.filename).toMatch(/^issuance-audit-events-.*\.csv$/);

    const res = await fetch(new URL(result.value.url, base), { headers: { Cookie: cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await res.text()).split('\r\n');
    expect(lines[0]).toBe('id,at,kind,actor,accountId,role,station,signedIn,method,subject,oldValue,newValue,detail,repeats,lastAt');
    // Ida's 2,000 sign-ins (every tenth second), newest first; then the empty string after the last CRLF.
    expect(lines).toHaveLength(1 + 2_000 + 1);
    expect(lines.slice(1, 3).map((l) => l.split(',')[0])).toEqual(['a2000', 'a1999']);

    // Unfiltered: both tables, every row once.
    const all = (await (await fetch(`${base.origin}/api/audit-events.csv`, { headers: { Cookie: cookie } })).text()).split('\r\n').slice(1, -1);
    expect(new Set(all.map((l) => l.split(',')[0])).size).toBe(22_000);
  });

  it('is refused without the session, and for a query its contract refuses (it has no archived years)', async () => {
    const { base, cookie } = await serve(0, 10);
    expect((await fetch(`${base.origin}/api/audit-events.csv`)).status).toBe(401);
    expect((await fetch(`${base.origin}/api/audit-events.csv`, { headers: { Cookie: 'issuance-console-session=forged' } })).status).toBe(401);
    for (const query of ['kind=stop', 'accountId=ida', 'includeArchive=1', 'offset=5']) {
      expect((await fetch(`${base.origin}/api/audit-events.csv?${query}`, { headers: { Cookie: cookie } })).status).toBe(400);
    }
    expect((await fetch(`${base.origin}/api/audit-events.csv?kind=setting`, { headers: { Cookie: cookie } })).status).toBe(200);
  });
});
