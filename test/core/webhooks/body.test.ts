import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, TOO_DEEP_REASON } from '../../../shared/json-depth';
import { fingerprint, MAX_DRAIN_BYTES, redactHeaders } from '../../../electron/core/webhooks/body';
import { AIDA_WEBHOOK_PATH } from '../../../electron/core/webhooks/listener';
import { IDV_WEBHOOK_PATH } from '../../../electron/core/webhooks/idv-route';
import { RAPIDADMIN_WEBHOOK_PATH } from '../../../electron/core/webhooks/rapidadmin-route';
import { workflowStarted } from '../../fixtures/aida';
import { startTestConsole, testConfig, type TestConsole } from '../../helpers/core';
import { feeds, hmacHex, postTo, query } from './harness';

const SECRET = 'rapidadmin-test-signing-secret';
const IDV_KEY = 'idv-test-key-value';

let core: TestConsole | undefined;
afterEach(async () => {
  await core?.stop();
  core = undefined;
});

async function live() {
  core = await startTestConsole(
    testConfig({
      machines: [{ id: 'm1', apiUrl: 'http://127.0.0.1:9', kind: 'box' }],
      rapidadmin: { signingSecret: SECRET },
      idv: { auth: { apiKey: { header: 'x-idv-key', value: IDV_KEY } } },
    }),
  );
  return core;
}

/** An AIDA message with a property nested `depth` arrays deep. */
const deepAida = (depth: number, id: string) => `{"MessageType":"WorkflowStarted","MessageId":"${id}","Deep":${'['.repeat(depth)}${']'.repeat(depth)}}`;

type Row = { outcome: string; http_status: number; reason: string | null; body_length: number };

describe('a body nested deeper than the limit', () => {
  it('from AIDA: refused with 400 before it is logged, recorded with why, and the listener keeps serving', async () => {
    const c = await live();
    for (const depth of [MAX_JSON_DEPTH + 1, 1000, 100_000]) {
      const res = await postTo(c, AIDA_WEBHOOK_PATH, deepAida(depth, `deep-${depth}`));
      expect(res.status, `${depth} levels`).toBe(400);
      expect(await res.json()).toEqual({ error: TOO_DEEP_REASON });
    }
    expect(query<Row>(c, 'SELECT outcome, http_status, reason FROM deliveries ORDER BY id')).toEqual(
      Array(3).fill({ outcome: 'rejected', http_status: 400, reason: TOO_DEEP_REASON }),
    );
    expect(query(c, 'SELECT seq FROM events')).toEqual([]);
    expect((await c.post(workflowStarted('1'))).status).toBe(200);
  });

  it('from AIDA, at the limit: taken as any JSON is', async () => {
    const c = await live();
    expect((await postTo(c, AIDA_WEBHOOK_PATH, deepAida(MAX_JSON_DEPTH - 1, 'at-limit'))).status).toBe(200);
  });

  it('signed by RapIDadmin: authentic, so acknowledged, kept raw and shown as unreadable', async () => {
    const c = await live();
    const body = `{"Id":"p1","Deep":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const res = await postTo(c, RAPIDADMIN_WEBHOOK_PATH, body, { 'x-event-name': 'EliteId.Person.Created', 'x-signature': hmacHex(SECRET, body) });
    expect(res.status).toBe(200);
    expect(query(c, 'SELECT outcome, body FROM deliveries')).toEqual([{ outcome: 'accepted', body: Buffer.from(body) }]);
    const [entry] = (await feeds(c)).activity;
    expect(entry).toMatchObject({ readable: false, headline: 'New person record created — body unreadable' });
  });

  it('from an authenticated identity-verification service: acknowledged, kept raw and shown as unreadable', async () => {
    const c = await live();
    const body = `{"processId":"p1","Deep":${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}}`;
    expect((await postTo(c, IDV_WEBHOOK_PATH, body, { 'x-idv-key': IDV_KEY })).status).toBe(200);
    expect(query(c, 'SELECT outcome, body FROM deliveries')).toEqual([{ outcome: 'accepted', body: Buffer.from(body) }]);
    expect((await feeds(c)).activity[0]).toMatchObject({ readable: false, headline: 'Identity verification — body unreadable' });
  });
});

/** Sends `size` bytes of spaces to the AIDA path with a plain Content-Length; resolves with the answer. */
function postBytes(c: TestConsole, size: number): Promise<{ status: number; text: string }> {
  const port = Number(new URL(c.webhookUrl).port);
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: AIDA_WEBHOOK_PATH, headers: { 'Content-Length': String(size) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    let left = size;
    const write = () => {
      while (left > 0) {
        const piece = chunk.subarray(0, Math.min(chunk.length, left));
        left -= piece.length;
        if (!req.write(piece)) {
          req.once('drain', write);
          return;
        }
      }
      req.end();
    };
    write();
  });
}

describe('a body over the 64 MiB the listener reads', () => {
  it('gets 413 and is recorded with its first MiB, not 503; the listener keeps serving', async () => {
    const c = await live();
    const size = MAX_DRAIN_BYTES + 1;
    const res = await postBytes(c, size);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.text)).toEqual({ error: expect.stringContaining('over the 1048576-byte limit') });
    expect(query<Row>(c, 'SELECT outcome, http_status, body_length, length(body) AS kept FROM deliveries')).toEqual([
      { outcome: 'rejected', http_status: 413, body_length: size, kept: 1024 * 1024 },
    ]);
    expect((await c.post(workflowStarted('2'))).status).toBe(200);
  }, 30_000);
});

describe('headers as stored', () => {
  it('redacts every header whose name says it carries a credential', () => {
    const sent = {
      'x-idv-key': 'k1',
      'x-auth-user': 'k2',
      'x-jwt-assertion': 'k3',
      cookie: 'k4',
      'x-session-cookie': 'k5',
      'x-api-key': 'k6',
      'x-console-token': 'k7',
      authorization: 'k8',
      'x-client-secret': 'k9',
      'x-passwd': 'k10',
      'content-type': 'application/json',
      'x-event-name': 'EliteId.Person.Created',
    };
    expect(redactHeaders(sent)).toEqual({
      ...Object.fromEntries(Object.keys(sent).map((name) => [name, '[redacted]'])),
      'content-type': 'application/json',
      'x-event-name': 'EliteId.Person.Created',
    });
  });

  it('keeps a fingerprint of x-signature, and a reader of the log cannot replay the delivery with it', async () => {
    const c = await live();
    const body = '{"Id":"p1","FirstName":"Ana"}';
    const signature = hmacHex(SECRET, body);
    expect((await postTo(c, RAPIDADMIN_WEBHOOK_PATH, body, { 'x-event-name': 'EliteId.Person.Created', 'x-signature': signature })).status).toBe(200);
    const [stored] = query<{ headers: string; body: Buffer }>(c, 'SELECT headers, body FROM deliveries');
    expect(stored?.headers).not.toContain(signature);
    const headers = JSON.parse(stored?.headers ?? '{}') as Record<string, string>;
    expect(headers['x-signature']).toBe(fingerprint(signature));
    // The replay: the stored body with the stored headers, as someone who read the database or an export would send it.
    const replay = await postTo(c, RAPIDADMIN_WEBHOOK_PATH, stored?.body.toString('utf8') ?? '', {
      'x-event-name': headers['x-event-name'] ?? '',
      'x-signature': headers['x-signature'] ?? '',
    });
    expect(replay.status).toBe(401);
  });
});
