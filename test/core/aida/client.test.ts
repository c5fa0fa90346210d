import express from 'express';
import type { Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { AidaClient } from '../../../electron/core/aida/client';

let server: Server | undefined;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

/** A machine whose API wants a Bearer token; tokens issued before `expireBefore` are refused with 401. */
async function securedAida() {
  const app = express();
  let issued = 0;
  const seen: { path: string; auth: string | undefined }[] = [];
  const forms: Record<string, string>[] = [];
  let valid = new Set<string>();
  app.post('/aida/v1/auth/token', (req, res) => {
    // multipart/form-data, read raw: the fields must be there under the names the OpenAPI gives.
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (raw += c));
    req.on('end', () => {
      const fields: Record<string, string> = {};
      for (const m of raw.matchAll(/name="([^"]+)"\r\n\r\n([^\r]*)/g)) fields[m[1] as string] = m[2] as string;
      forms.push(fields);
      if (fields['Password'] !== 'secret') {
        res.status(403).json('invalid credentials');
        return;
      }
      const token = `tok-${++issued}`;
      valid.add(token);
      res.json(token);
    });
  });
  app.use((req, res) => {
    seen.push({ path: req.path, auth: req.headers.authorization });
    const token = req.headers.authorization?.replace(/^Bearer /, '');
    if (!token || !valid.has(token)) {
      res.status(401).end();
      return;
    }
    res.json({ status: 'Running' });
  });
  server = await new Promise<Server>((r) => {
    const s = app.listen(0, '127.0.0.1', () => r(s));
  });
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return { url, seen, forms, expireAll: () => (valid = new Set()) };
}

describe('the AIDA client', () => {
  it('fetches a Bearer token with the multipart form, and renews it on 401', async () => {
    const aida = await securedAida();
    const client = new AidaClient(aida.url, { credentials: { userName: 'op', password: 'secret', clientId: 'console' } });
    expect((await client.state()).status).toBe(200);
    expect(aida.forms[0]).toMatchObject({ UserName: 'op', Password: 'secret', ClientId: 'console', grant_type: 'password' });
    expect(aida.seen.at(-1)?.auth).toBe('Bearer tok-1');
    aida.expireAll();
    expect((await client.resume()).status).toBe(200);
    expect(aida.seen.at(-1)?.auth).toBe('Bearer tok-2');
  });

  it('reports bad credentials as a request that never reached the machine', async () => {
    const aida = await securedAida();
    const client = new AidaClient(aida.url, { credentials: { userName: 'op', password: 'nope' } });
    const answer = await client.resume();
    expect(answer).toMatchObject({ reach: 'unreached', error: expect.stringContaining('authentication failed') });
    expect(aida.seen).toEqual([]);
  });

  it('classifies a timeout as ambiguous and a refused connection as never reached', async () => {
    const app = express();
    app.post('/aida/v1/workflow-scheduler/resume', () => {
      // Never answers: AIDA may or may not have resumed.
    });
    server = await new Promise<Server>((r) => {
      const s = app.listen(0, '127.0.0.1', () => r(s));
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const slow = await new AidaClient(`http://127.0.0.1:${port}`, { timeoutMs: 200 }).resume();
    expect(slow).toMatchObject({ reach: 'ambiguous', error: expect.stringContaining('200 ms') });
    server.closeAllConnections();
    await new Promise<void>((r) => server?.close(() => r()));
    server = undefined;
    const refused = await new AidaClient(`http://127.0.0.1:${port}`).resume();
    expect(refused.reach).toBe('unreached');
  });
});
