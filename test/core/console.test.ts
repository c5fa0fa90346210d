import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { feederEmptySuspended, seedFeederEmpty, workflowCompleted, workflowStarted } from '../fixtures/aida';
import { startTestConsole, testConfig, type TestConsole } from '../helpers/core';
import { startFakeAida, type FakeAida } from '../helpers/fake-aida';

let core: TestConsole | undefined;
let aida: FakeAida | undefined;

afterEach(async () => {
  await core?.stop();
  await aida?.close();
  core = undefined;
  aida = undefined;
});

async function liveConsole() {
  aida = await startFakeAida();
  core = await startTestConsole(testConfig({ machines: [{ id: 'm1', apiUrl: aida.url, kind: 'box' }] }));
  return { core, aida };
}

describe('the console core over real HTTP and SQLite', () => {
  it('stores a webhook before acknowledging it and shows the job live', async () => {
    const { core } = await liveConsole();
    const res = await core.post(workflowStarted('40'));
    expect(res.status).toBe(200);
    // Read the database through a second connection: the row is committed by the time the 200 arrived.
    const db = new Database(join(core.config.dataDir, 'console.sqlite'), { readonly: true });
    const stored = db.prepare("SELECT count(*) AS n FROM events WHERE message_type = 'WorkflowStarted'").get() as { n: number };
    db.close();
    expect(stored.n).toBe(1);
    await core.waitForEvent((e) => e.type === 'jobs');
    const page = await core.handlers.listJobs({ offset: 0, limit: 10 });
    expect(page.ok && page.value.rows.map((j) => [j.jobId, j.correlationId, j.status])).toEqual([['40', 'CORR-40', 'Running']]);
  });

  it('ends in the right state when Completed arrives before Started', async () => {
    const { core } = await liveConsole();
    await core.post(workflowCompleted('41'));
    await core.post(workflowStarted('41'));
    const page = await core.handlers.listJobs({ offset: 0, limit: 10 });
    expect(page.ok && page.value.rows[0]?.status).toBe('Completed');
  });

  it('applies a duplicate MessageId once and still acknowledges it', async () => {
    const { core } = await liveConsole();
    const msg = workflowStarted('42');
    expect((await core.post(msg)).status).toBe(200);
    const again = await core.post(msg);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ duplicate: true });
    const db = new Database(join(core.config.dataDir, 'console.sqlite'), { readonly: true });
    const row = db.prepare('SELECT count(*) AS n, max(duplicates) AS d FROM events').get() as { n: number; d: number };
    db.close();
    expect(row).toEqual({ n: 1, d: 1 });
  });

  it('refuses a body that is not JSON with 400, records it, and keeps serving', async () => {
    const { core } = await liveConsole();
    const bad = await core.post(undefined, { raw: '{"MessageType": "WorkflowStarted",' });
    expect(bad.status).toBe(400);
    expect((await bad.json()) as { error: string }).toMatchObject({ error: expect.stringContaining('not JSON') });
    const textPlain = await core.post(undefined, { raw: 'hello', headers: { 'Content-Type': 'text/plain' } });
    expect(textPlain.status).toBe(400);
    expect((await core.post(workflowStarted('43'))).status).toBe(200);
    const db = new Database(join(core.config.dataDir, 'console.sqlite'), { readonly: true });
    const rejected = db.prepare("SELECT body, http_status FROM deliveries WHERE outcome = 'rejected' ORDER BY id").all() as {
      body: Buffer;
      http_status: number;
    }[];
    db.close();
    expect(rejected.map((r) => [r.body.toString(), r.http_status])).toEqual([
      ['{"MessageType": "WorkflowStarted",', 400],
      ['hello', 400],
    ]);
  });

  it('accepts JSON sent with any content type', async () => {
    const { core } = await liveConsole();
    const res = await core.post(undefined, { raw: JSON.stringify(workflowStarted('44')), headers: { 'Content-Type': 'text/plain' } });
    expect(res.status).toBe(200);
  });

  it('answers 413 to a body over 1 MiB and keeps its first MiB', async () => {
    const { core } = await liveConsole();
    const huge = `{"pad":"${'x'.repeat(1024 * 1024 + 10)}"}`;
    const res = await core.post(undefined, { raw: huge });
    expect(res.status).toBe(413);
    const db = new Database(join(core.config.dataDir, 'console.sqlite'), { readonly: true });
    const row = db.prepare('SELECT length(body) AS kept, body_length AS len FROM deliveries WHERE http_status = 413').get() as {
      kept: number;
      len: number;
    };
    db.close();
    expect(row).toEqual({ kept: 1024 * 1024, len: Buffer.byteLength(huge) });
    expect((await core.post(workflowStarted('45'))).status).toBe(200);
  });

  it('redacts secrets in stored headers', async () => {
    const { core } = await liveConsole();
    await core.post(workflowStarted('46'), { headers: { Authorization: 'Bearer secret-value', 'X-Api-Key': 'k-123' } });
    const db = new Database(join(core.config.dataDir, 'console.sqlite'), { readonly: true });
    const headers = (db.prepare('SELECT headers FROM deliveries').get() as { headers: string }).headers;
    db.close();
    expect(headers).not.toContain('secret-value');
    expect(headers).not.toContain('k-123');
    expect(JSON.parse(headers)).toMatchObject({ authorization: '[redacted]', 'x-api-key': '[redacted]' });
  });

  it.each([
    ['the seed example (Stopped, FeederEmpty, no stop reason)', seedFeederEmpty],
    ['WorkflowSchedulerSuspended with FeederEmpty', feederEmptySuspended],
  ])('shows %s as a suspension, and Resume reaches AIDA', async (_name, make) => {
    const { core, aida } = await liveConsole();
    await core.post(make());
    const snapshot = await core.handlers.getSnapshot({});
    const machine = snapshot.ok ? snapshot.value.machines[0] : undefined;
    expect(machine?.scheduler).toBe('suspended');
    expect(machine?.suspension).toMatchObject({ code: 'FeederEmpty', resumable: true });

    const result = await core.handlers.resume({ machineId: 'm1' });
    expect(result.ok && result.value.state).toBe('acknowledged');
    expect(aida.commands()).toEqual([expect.objectContaining({ method: 'POST', path: '/aida/v1/workflow-scheduler/resume' })]);
  });

  it('stops gracefully with both names of the stop flag set to false', async () => {
    const { core, aida } = await liveConsole();
    const result = await core.handlers.stop({ machineId: 'm1' });
    expect(result.ok && result.value.state).toBe('acknowledged');
    expect(aida.commands()[0]).toMatchObject({
      path: '/aida/v1/workflow-scheduler/stop',
      query: { stopRunningWorkflows: 'false', stopAllRunningWorkflows: 'false' },
    });
  });

  it('shows AIDA\'s answer when Resume is refused', async () => {
    const { core, aida } = await liveConsole();
    aida.respond('/aida/v1/workflow-scheduler/resume', 409, { error: 'nothing to resume' });
    const result = await core.handlers.resume({ machineId: 'm1' });
    expect(result.ok && result.value).toMatchObject({ state: 'failed', outcome: expect.stringContaining('409') });
    expect(result.ok && result.value.outcome).toContain('nothing to resume');
  });

  it('says when the machine cannot be reached, and keeps the command queued to retry', async () => {
    const closed = await startFakeAida();
    await closed.close();
    core = await startTestConsole(testConfig({ machines: [{ id: 'm1', apiUrl: closed.url, kind: 'box' }] }));
    const result = await core.handlers.resume({ machineId: 'm1' });
    expect(result.ok && result.value).toMatchObject({ state: 'queued', outcome: expect.stringContaining('ECONNREFUSED') });
    expect(result.ok && result.value.outcome).toContain('never got it');
  });

  it('refuses to act on a machine that is not configured', async () => {
    await liveConsole();
    const result = await core!.handlers.resume({ machineId: 'elsewhere' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
  });

  it('keeps every acknowledged message and job state across a restart', async () => {
    const { core: first } = await liveConsole();
    await first.post(workflowStarted('50'));
    await first.post(workflowCompleted('50'));
    await first.post(workflowStarted('51'));
    await first.stop();
    core = await startTestConsole(first.config);
    const page = await core.handlers.listJobs({ offset: 0, limit: 10 });
    expect(page.ok && page.value.rows.map((j) => [j.jobId, j.status])).toEqual([
      ['51', 'Running'],
      ['50', 'Completed'],
    ]);
  });
});
