import express from 'express';
import type { Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { AidaClient } from '../../../electron/core/aida/client';
import { AIDA_ENDPOINTS } from '../../../electron/core/aida/endpoints';
import { startFakeAida, type FakeAida } from '../../helpers/fake-aida';

let server: Server | undefined;
let fake: FakeAida | undefined;
afterEach(async () => {
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  await fake?.close();
  server = undefined;
  fake = undefined;
});

const CREDENTIALS = { userName: 'console', password: 'secret', clientId: 'console', clientSecret: 'shh' };

/** A machine whose API has no token endpoint: `tokenStatus` there, 200 everywhere else, every call recorded. */
async function withoutTokenEndpoint(tokenStatus: 404 | 405) {
  const app = express();
  const seen: { method: string; path: string; auth: string | undefined }[] = [];
  app.use((req, res) => {
    seen.push({ method: req.method, path: req.path, auth: req.headers.authorization });
    if (req.path === AIDA_ENDPOINTS.token.path) res.status(tokenStatus).json({ error: 'not found' });
    else res.json({ status: 'Running' });
  });
  server = await new Promise<Server>((r) => {
    const s = app.listen(0, '127.0.0.1', () => r(s));
  });
  const address = server.address();
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, seen };
}

/** Every request the client can build, once each. */
async function everyRequest(client: AidaClient) {
  return {
    state: await client.state(),
    metrics: await client.metrics(),
    resumeItems: await client.resumeItems(),
    suspended: await client.suspendedInstances(),
    suspendedJobs: await client.suspendedJobs(),
    resume: await client.resume(),
    stop: await client.stop(false),
    abort: await client.stop(true),
    start: await client.start({ jobTemplateName: 'T', stopAfter: 1 }),
    signal: await client.signal({ workflowInstanceId: 'wf-1', outcome: 'Completed' }),
    systemInfo: await client.systemInfo(),
    machineStatus: await client.machineStatus(),
  };
}

describe('a machine with no token endpoint', () => {
  it.each([404, 405] as const)('(token endpoint answers %i) is called without a token, and asked for one only once', async (status) => {
    const aida = await withoutTokenEndpoint(status);
    const client = new AidaClient(aida.url, { credentials: CREDENTIALS });
    expect(client.facts().tokenEndpoint).toBe('unknown');
    // Before: "authentication failed", reported as never reached — the machine looked dead and commands retried.
    expect(await client.state()).toMatchObject({ reach: 'answered', status: 200 });
    expect(await client.resume()).toMatchObject({ reach: 'answered', status: 200 });
    expect(client.facts().tokenEndpoint).toBe('absent');
    expect(aida.seen.filter((c) => c.path === AIDA_ENDPOINTS.token.path)).toHaveLength(1);
    expect(aida.seen.filter((c) => c.path !== AIDA_ENDPOINTS.token.path)).toEqual([
      { method: 'GET', path: AIDA_ENDPOINTS.state.path, auth: undefined },
      { method: 'POST', path: AIDA_ENDPOINTS.resume.path, auth: undefined },
    ]);
  });

  it('an AIDA mini (desktop) is never asked for a token, nor sent any request its API does not offer', async () => {
    fake = await startFakeAida();
    const client = new AidaClient(fake.url, { credentials: CREDENTIALS, variant: 'mini' });
    expect(client.facts().tokenEndpoint).toBe('absent');
    const answers = await everyRequest(client);
    const offered = Object.values(AIDA_ENDPOINTS).filter((e) => e.mini);
    const sent = fake.calls.map((c) => `${c.method} ${c.path}`);
    expect(sent.every((s) => offered.some((e) => `${e.method} ${e.path}` === s)), sent.join('\n')).toBe(true);
    expect(sent).not.toContain(`POST ${AIDA_ENDPOINTS.token.path}`);
    expect(fake.calls.length).toBeGreaterThan(0);
    // What was not sent reads as "not offered" (404), as every caller already takes a 404 from a desktop machine.
    for (const name of ['resumeItems', 'suspended', 'suspendedJobs', 'machineStatus'] as const) {
      expect(answers[name], name).toMatchObject({ reach: 'answered', status: 404, offered: false, error: expect.stringContaining('not offered') });
    }
  });
});

describe('credentials the machine refuses', () => {
  it('are told apart from a machine that cannot be reached, and the request itself is not sent', async () => {
    fake = await startFakeAida();
    fake.respond(AIDA_ENDPOINTS.token.path, 403, 'invalid credentials');
    const answer = await new AidaClient(fake.url, { credentials: CREDENTIALS }).state();
    expect(answer).toMatchObject({ reach: 'unreached', auth: 'refused', error: expect.stringContaining('refused the console\'s credentials') });
    expect(fake.calls.map((c) => c.path)).toEqual([AIDA_ENDPOINTS.token.path]);
  });
});
