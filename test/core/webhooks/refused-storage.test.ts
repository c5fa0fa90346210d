import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConfigFile } from '../../../electron/core/config/schema';
import { UNAUTHENTICATED_EXCERPT_BYTES } from '../../../electron/core/store/refused-deliveries';
import { IDV_WEBHOOK_PATH } from '../../../electron/core/webhooks/idv-route';
import { RAPIDADMIN_WEBHOOK_PATH } from '../../../electron/core/webhooks/rapidadmin-route';
import { startTestConsole, testConfig, type TestConsole } from '../../helpers/core';
import { hmacHex, postTo, query } from './harness';

let core: TestConsole | undefined;
afterEach(async () => {
  await core?.stop();
  core = undefined;
});

const TOKEN = 'a-long-shared-token-0123456789';
const MACHINE: ConfigFile = { machines: [{ id: 'm1', apiUrl: 'http://127.0.0.1:9', kind: 'box' }] };
const MIB = 1024 * 1024;
/** Just under the listener's 1 MiB limit, so the refusal is for the credentials, not the size. */
const nearlyOneMib = () => `{"pad":"${'x'.repeat(MIB - 20)}"}`;

const dirBytes = (dir: string) => readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0);

const stored = (c: TestConsole) => query<{ http_status: number; kept: number; body_length: number }>(
  c,
  'SELECT http_status, length(body) AS kept, body_length FROM deliveries ORDER BY id',
);

describe('refused deliveries cannot fill the disk', () => {
  it('keeps a 4 KiB excerpt of each post refused for want of the listener token: 20 posts of 1 MB add little', async () => {
    core = await startTestConsole(testConfig({ ...MACHINE, webhook: { token: TOKEN } }));
    const before = dirBytes(core.config.dataDir);
    for (let i = 0; i < 20; i++) expect((await core.post(undefined, { raw: nearlyOneMib() })).status).toBe(401);
    const grown = dirBytes(core.config.dataDir) - before;
    // Each kept whole, the twenty would take 20 MiB (and twice that with the WAL).
    expect(grown).toBeLessThan(2 * MIB);
    expect(stored(core).every((d) => d.http_status === 401 && d.kept === UNAUTHENTICATED_EXCERPT_BYTES && d.body_length === nearlyOneMib().length)).toBe(true);
    const page = await core.handlers.listDeliveries({ outcome: 'rejected', offset: 0, limit: 1 });
    expect(page.ok && page.value.rows[0]).toMatchObject({ bodyKept: UNAUTHENTICATED_EXCERPT_BYTES, bodyLength: nearlyOneMib().length, reason: 'missing or wrong listener token' });
  });

  it('keeps an excerpt of a post from outside webhook.allowFrom, of a wrong signature and of missing credentials', async () => {
    core = await startTestConsole(testConfig({ ...MACHINE, webhook: { allowFrom: ['10.0.0.0/8'] } }));
    expect((await core.post(undefined, { raw: nearlyOneMib() })).status).toBe(403);
    await core.stop();
    core = await startTestConsole(
      testConfig({ ...MACHINE, rapidadmin: { signingSecret: 'rapidadmin-test-signing-secret' }, idv: { auth: { apiKey: { value: 'idv-key-0123456789' } } } }),
    );
    const body = nearlyOneMib();
    const forged = { 'x-event-name': 'RapIDAdmin.PrintJob.Failed', 'x-signature': hmacHex('a guess', body) };
    expect((await postTo(core, RAPIDADMIN_WEBHOOK_PATH, body, forged)).status).toBe(401);
    expect((await postTo(core, IDV_WEBHOOK_PATH, body)).status).toBe(401);
    expect(stored(core).map((d) => [d.http_status, d.kept])).toEqual([
      [401, UNAUTHENTICATED_EXCERPT_BYTES],
      [401, UNAUTHENTICATED_EXCERPT_BYTES],
    ]);
  });

  it('still keeps the first MiB of a body that is refused for what it is (not JSON), as before', async () => {
    core = await startTestConsole(testConfig(MACHINE));
    const notJson = `not json ${'y'.repeat(MIB - 20)}`;
    expect((await core.post(undefined, { raw: notJson })).status).toBe(400);
    expect(stored(core)).toEqual([{ http_status: 400, kept: notJson.length, body_length: notJson.length }]);
  });

  it('keeps at most webhook.rejectedDeliveries.maxCount, and the view counts the older ones pruned', async () => {
    core = await startTestConsole(testConfig({ ...MACHINE, webhook: { token: TOKEN, rejectedDeliveries: { maxCount: 100 } } }));
    for (let i = 0; i < 104; i++) expect((await core.post({ n: i })).status).toBe(401);
    const page = await core.handlers.listDeliveries({ outcome: 'rejected', offset: 0, limit: 1 });
    expect(page.ok && { total: page.value.total, pruned: page.value.pruned }).toEqual({ total: 100, pruned: 4 });
    // The oldest went: the first kept is the fifth posted.
    expect(query(core, 'SELECT body FROM deliveries ORDER BY id LIMIT 1')).toEqual([{ body: Buffer.from('{"n":4}') }]);
  });
});
