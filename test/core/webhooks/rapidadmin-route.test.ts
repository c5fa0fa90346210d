import Database from 'better-sqlite3';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConfigFile } from '../../../electron/core/config/schema';
import { RAPIDADMIN_UNSIGNED_REFUSED, RAPIDADMIN_WEBHOOK_PATH, rapidadminRoute } from '../../../electron/core/webhooks/rapidadmin-route';
import { unauthenticatedPolicy } from '../../../electron/core/webhooks/unauthenticated';
import { PERSON_CREATED, PERSON_ID, PERSON_UPDATED, SCENARIOS, credential, printJob, type Delivery } from '../../fixtures/rapidadmin';
import { startTestConsole, testConfig, type TestConsole } from '../../helpers/core';
import { feeds, hmacBase64, hmacHex, isFeedsEvent, postTo, query } from './harness';

const SECRET = 'rapidadmin-test-signing-secret';
let core: TestConsole | undefined;

afterEach(async () => {
  await core?.stop();
  core = undefined;
});

async function signedConsole(extra: Record<string, unknown> = {}) {
  core = await startTestConsole(testConfig({ rapidadmin: { signingSecret: SECRET, ...extra } }));
  return core;
}

/** Signed with the right secret unless a signature is given; `null` sends none. */
const send = (c: TestConsole, d: Delivery, signature: string | null = hmacHex(SECRET, d.body)) =>
  postTo(c, RAPIDADMIN_WEBHOOK_PATH, d.body, { 'x-event-name': d.header, ...(signature !== null ? { 'x-signature': signature } : {}) });

describe('POST /rapidadmin/webhooks, signed, over real HTTP and SQLite', () => {
  it.each(SCENARIOS.map((s) => [s.name, s] as const))('takes the seed scenario "%s"', async (_name, scenario) => {
    const c = await signedConsole();
    for (const d of scenario.deliveries) expect((await send(c, d)).status).toBe(200);
    const snapshot = await feeds(c);
    expect(snapshot.activity).toHaveLength(scenario.deliveries.length);
    const last = snapshot.activity[0];
    expect(last?.flags).toEqual([]);
    expect(last?.sequence).toBe(scenario.recognised);
    expect(snapshot.activity.every((e) => e.known && e.readable)).toBe(true);
  });

  it('shows print jobs in the same queue as AIDA jobs, and a failed print raises an alert', async () => {
    const c = await signedConsole();
    for (const d of SCENARIOS[5]?.deliveries ?? []) await send(c, d);
    await c.waitForEvent(isFeedsEvent('alerts'));
    await c.waitForEvent((e) => e.type === 'jobs' && e.jobs.some((j) => j.source === 'rapidadmin'));
    const page = await c.handlers.listJobs({ offset: 0, limit: 10 });
    expect(page.ok && page.value.rows).toEqual([
      expect.objectContaining({
        source: 'rapidadmin',
        machineId: 'rapidadmin',
        status: 'Faulted',
        errorCode: 'PrintJob.Failed',
        errorText: 'The card did not print (RapIDadmin reported PrintJob.Failed).',
        lastMessageType: 'RapIDAdmin.PrintJob.Failed',
      }),
    ]);
    const [alert] = (await feeds(c)).alerts;
    expect(alert).toMatchObject({ kind: 'print-failed', title: 'Card failed to print' });
    expect(alert?.text).toContain('ID 20020 — Student ID');
  });

  it('names the person of a print from the person record it has seen', async () => {
    const c = await signedConsole();
    await send(c, PERSON_CREATED);
    await send(c, credential('Created'));
    await send(c, printJob('Failed'));
    const { activity, alerts } = await feeds(c);
    expect(activity[0]).toMatchObject({ name: 'Jones Kevin', personId: PERSON_ID });
    expect(alerts[0]?.text).toContain('Jones Kevin');
  });

  it('uses the configured key path as the print job\'s identity', async () => {
    const c = await signedConsole({ printJobKey: 'PrintJobId' });
    await send(c, credential('Created'));
    await send(c, printJob('Started', undefined, { PrintJobId: 'PJ-77' }));
    const page = await c.handlers.listJobs({ offset: 0, limit: 10 });
    expect(page.ok && page.value.rows[0]).toMatchObject({ key: 'PJ-77', jobId: 'PJ-77', status: 'Running' });
  });

  it('flags a Complete without a Started, and still applies it', async () => {
    const c = await signedConsole();
    await send(c, credential('Created'));
    expect((await send(c, printJob('Complete'))).status).toBe(200);
    const [entry] = (await feeds(c)).activity;
    expect(entry?.flags).toEqual(['Print complete without Print started']);
    const page = await c.handlers.listJobs({ offset: 0, limit: 10 });
    expect(page.ok && page.value.rows[0]?.status).toBe('Completed');
  });

  it('accepts a base64 signature', async () => {
    const c = await signedConsole();
    expect((await send(c, PERSON_CREATED, hmacBase64(SECRET, PERSON_CREATED.body))).status).toBe(200);
  });

  it.each([
    ['missing', null, 'missing x-signature header'],
    ['wrong', hmacHex('not-the-secret', PERSON_CREATED.body), 'x-signature does not match the body'],
    ['for another body', hmacHex(SECRET, PERSON_UPDATED.body), 'x-signature does not match the body'],
  ])('answers 401 to a %s signature, records the refusal, applies nothing', async (_name, signature, reason) => {
    const c = await signedConsole();
    const res = await send(c, PERSON_CREATED, signature);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: reason });
    expect(query(c, 'SELECT source, outcome, http_status, reason, body FROM deliveries')).toEqual([
      { source: 'rapidadmin', outcome: 'rejected', http_status: 401, reason, body: Buffer.from(PERSON_CREATED.body) },
    ]);
    expect(query(c, 'SELECT * FROM events')).toEqual([]);
    expect((await feeds(c)).activity).toEqual([]);
  });

  it('answers 401 to a body altered after signing', async () => {
    const c = await signedConsole();
    const signature = hmacHex(SECRET, PERSON_CREATED.body);
    const res = await postTo(c, RAPIDADMIN_WEBHOOK_PATH, PERSON_CREATED.body.replace('Jones', 'Smith'), {
      'x-event-name': PERSON_CREATED.header,
      'x-signature': signature,
    });
    expect(res.status).toBe(401);
  });

  it('acknowledges a signed body that is not JSON, keeps it raw and shows it as unreadable', async () => {
    const c = await signedConsole();
    const body = '{"Id": "aff5", "FirstName": "Kevin" "LastName": "Jones"}';
    const res = await send(c, { header: 'EliteId.Person.Created', body });
    expect(res.status).toBe(200);
    expect(query(c, 'SELECT outcome, body FROM deliveries')).toEqual([{ outcome: 'accepted', body: Buffer.from(body) }]);
    const [entry] = (await feeds(c)).activity;
    expect(entry).toMatchObject({ readable: false, raw: body, headline: 'New person record created — body unreadable' });
  });

  it('stores and shows an unknown event', async () => {
    const c = await signedConsole();
    expect((await send(c, { header: 'EliteId.Badge.Revoked', body: '{"BadgeId": "B1"}' })).status).toBe(200);
    const [entry] = (await feeds(c)).activity;
    expect(entry).toMatchObject({ known: false, event: 'EliteId.Badge.Revoked', fields: [{ name: 'BadgeId', value: 'B1' }] });
    expect(query(c, 'SELECT message_type FROM events')).toEqual([{ message_type: 'EliteId.Badge.Revoked' }]);
  });

  it('rebuilds the same feed, jobs and alerts from the event log at start-up', async () => {
    const c = await signedConsole();
    for (const s of SCENARIOS) for (const d of s.deliveries) await send(c, d);
    const before = await feeds(c);
    const jobsBefore = await c.handlers.listJobs({ offset: 0, limit: 50 });
    await c.stop();
    // Forget the projection version: the next start empties the projections and replays every event.
    const db = new Database(join(c.config.dataDir, 'console.sqlite'));
    db.prepare("DELETE FROM meta WHERE key = 'projection_version'").run();
    db.close();
    core = await startTestConsole(c.config);
    const after = await feeds(core);
    expect(after.activity).toEqual(before.activity);
    expect(after.alerts).toEqual(before.alerts);
    expect(await core.handlers.listJobs({ offset: 0, limit: 50 })).toEqual(jobsBefore);
  });

  it('keeps a replayed signed delivery, marks it repeated, and raises no second alert for it', async () => {
    const c = await signedConsole();
    await send(c, credential('Updated'));
    // An attacker on the LAN recorded one signed failure: the signature has no time in it, so it verifies every time.
    for (let i = 0; i < 4; i++) expect((await send(c, printJob('Failed'))).status).toBe(200);
    expect(query(c, "SELECT count(*) AS n FROM events WHERE message_type = 'RapIDAdmin.PrintJob.Failed'")).toEqual([{ n: 4 }]);
    const { activity, alerts } = await feeds(c);
    expect(activity.slice(0, 4).map((e) => e.repeat?.count)).toEqual([3, 2, 1, undefined]);
    expect(alerts.filter((a) => a.kind === 'print-failed')).toHaveLength(1);
  });

  it('lets an operator acknowledge the alert of a failed print', async () => {
    const c = await signedConsole();
    await send(c, credential('Updated'));
    await send(c, printJob('Failed'));
    const id = (await feeds(c)).alerts[0]?.id ?? '';
    const acked = await c.handlers.acknowledgeFeedAlert({ id });
    expect(acked.ok && acked.value).toMatchObject({ id, acknowledgedBy: expect.stringContaining('@') });
    expect(await c.handlers.acknowledgeFeedAlert({ id: 'no-such-alert' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

/** A console with a machine configured: not training mode, so nothing is accepted for being local. */
const LIVE: ConfigFile = { machines: [{ id: 'm1', apiUrl: 'http://127.0.0.1:9', kind: 'box' }] };
const unsigned = (c: TestConsole, d: Delivery) => send(c, d, null);

describe('POST /rapidadmin/webhooks without a signing secret', () => {
  it('refuses every delivery with 401, records why, and raises one alert that says how to fix it', async () => {
    core = await startTestConsole(testConfig(LIVE));
    expect((await feeds(core)).settings.rapidadmin).toMatchObject({ auth: [], unauthenticated: 'refused' });
    const res = await unsigned(core, PERSON_CREATED);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: RAPIDADMIN_UNSIGNED_REFUSED });
    expect(RAPIDADMIN_UNSIGNED_REFUSED).toContain('set rapidadmin.signingSecret (or rapidadmin.allowUnsigned: true)');
    expect((await unsigned(core, credential('Created'))).status).toBe(401);
    expect(query(core, 'SELECT source, outcome, http_status, reason FROM deliveries')).toEqual([
      { source: 'rapidadmin', outcome: 'rejected', http_status: 401, reason: RAPIDADMIN_UNSIGNED_REFUSED },
      { source: 'rapidadmin', outcome: 'rejected', http_status: 401, reason: RAPIDADMIN_UNSIGNED_REFUSED },
    ]);
    expect(query(core, 'SELECT * FROM events')).toEqual([]);
    const { activity, alerts } = await feeds(core);
    expect(activity).toEqual([]);
    // Two refusals, one alert: it stays until someone acknowledges it.
    expect(alerts).toEqual([
      expect.objectContaining({ source: 'rapidadmin', kind: 'refused', title: 'RapIDadmin deliveries are refused', subject: RAPIDADMIN_WEBHOOK_PATH }),
    ]);
    expect(alerts[0]?.text).toContain('Set rapidadmin.signingSecret');
    expect(alerts[0]?.text).toContain('rapidadmin.allowUnsigned: true');
    expect(core.events).toContainEqual({ type: 'feeds', topics: ['alerts'] });
  });

  it('raises the alert again for a refusal after it was acknowledged', async () => {
    core = await startTestConsole(testConfig(LIVE));
    await unsigned(core, PERSON_CREATED);
    const first = (await feeds(core)).alerts[0]?.id ?? '';
    expect((await core.handlers.acknowledgeFeedAlert({ id: first })).ok).toBe(true);
    await unsigned(core, PERSON_UPDATED);
    const { alerts } = await feeds(core);
    expect(alerts.filter((a) => a.kind === 'refused' && a.acknowledgedAt === undefined)).toHaveLength(1);
    expect(alerts.find((a) => a.acknowledgedAt === undefined)?.id).not.toBe(first);
  });

  it('with allowUnsigned, takes unsigned deliveries, reads the doc\'s trailing-comma example, and refuses what is not JSON', async () => {
    core = await startTestConsole(testConfig({ ...LIVE, rapidadmin: { allowUnsigned: true } }));
    const { settings } = await feeds(core);
    expect(settings.rapidadmin).toMatchObject({ auth: [], unauthenticated: 'accepted', path: '/rapidadmin/webhooks' });
    expect(settings.rapidadmin.urls[0]).toMatch(/^http:\/\/.+\/rapidadmin\/webhooks$/);
    expect((await unsigned(core, PERSON_UPDATED)).status).toBe(200);
    const bad = await postTo(core, RAPIDADMIN_WEBHOOK_PATH, 'hello', { 'x-event-name': PERSON_UPDATED.header });
    expect(bad.status).toBe(400);
    expect(query(core, "SELECT http_status FROM deliveries WHERE outcome = 'rejected'")).toEqual([{ http_status: 400 }]);
    expect((await feeds(core)).alerts).toEqual([]);
  });

  it('in training mode, takes unsigned deliveries from this computer', async () => {
    core = await startTestConsole(testConfig());
    expect((await feeds(core)).settings.rapidadmin).toMatchObject({ auth: [], unauthenticated: 'loopback-only' });
    expect((await unsigned(core, PERSON_CREATED)).status).toBe(200);
    expect((await feeds(core)).activity).toHaveLength(1);
  });

  it('in training mode, refuses unsigned deliveries from any other computer', () => {
    const route = rapidadminRoute({}, { policy: unauthenticatedPolicy(undefined, true) });
    const from = (remoteAddress: string) => ({ headers: {}, socket: { remoteAddress } }) as unknown as IncomingMessage;
    const body = Buffer.from(PERSON_CREATED.body);
    expect(route.admit(from('127.0.0.1'), body)).toMatchObject({ json: expect.any(Object) });
    expect(route.admit(from('::ffff:127.0.0.1'), body)).toMatchObject({ json: expect.any(Object) });
    expect(route.admit(from('::1'), body)).toMatchObject({ json: expect.any(Object) });
    expect(route.admit(from('10.0.0.7'), body)).toEqual({
      rejection: { status: 401, reason: expect.stringContaining('from this computer only') },
    });
  });
});
