import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECTION_VERSION } from '../../../electron/core/ingest/projector';
import { workflowStarted } from '../../fixtures/aida';
import { startTestConsole, testConfig, type TestConsole } from '../../helpers/core';

let core: TestConsole | undefined;
afterEach(async () => {
  await core?.stop();
  core = undefined;
});

const JOBS = 5000;

/**
 * A data directory as a console of the previous reducer version left it: `JOBS` jobs logged (written straight into the
 * log, as thousands of webhooks would have), projections marked as written by another version.
 */
async function upgradedStore() {
  const config = testConfig({ machines: [{ id: 'm1', apiUrl: 'http://127.0.0.1:9', kind: 'box' }] });
  const first = await startTestConsole(config);
  await first.stop();
  const db = new Database(join(config.dataDir, 'console.sqlite'));
  const insert = db.prepare(
    "INSERT INTO events (source, machine_id, message_id, message_type, received_at, message) VALUES ('aida', 'm1', ?, 'WorkflowStarted', ?, ?)",
  );
  db.transaction(() => {
    for (let i = 1; i <= JOBS; i++) {
      const message = { messageType: 'WorkflowStarted', jobId: String(i), workflowInstanceId: `wf-${i}`, messageId: `old-${i}`, notes: [] };
      insert.run(`SN-1001\u001fold-${i}`, new Date(Date.UTC(2026, 0, 1, 0, 0, 0, i)).toISOString(), JSON.stringify(message));
    }
  })();
  db.prepare("UPDATE meta SET value = ? WHERE key = 'projection_version'").run(String(PROJECTION_VERSION - 1));
  db.close();
  return config;
}

async function total(c: TestConsole): Promise<number> {
  const page = await c.handlers.listJobs({ offset: 0, limit: 1 });
  if (!page.ok) throw new Error(page.error.message);
  return page.value.total;
}

describe('projections written by another reducer version', () => {
  it('are rebuilt after the listener is open: webhooks are acknowledged meanwhile, and reads say how far it has come', async () => {
    const config = await upgradedStore();
    // The rebuild is held after its first page until the test lets it go on.
    let goOn: () => void = () => {};
    const held = new Promise<void>((resolve) => (goOn = resolve));
    core = await startTestConsole(config, { betweenRebuildPages: () => held });
    const answer = await core.post(workflowStarted('new-1'));
    expect(answer.status).toBe(200);
    const during = await core.handlers.getSnapshot({});
    expect(during.ok && during.value.rebuilding).toEqual({ done: 1000, total: JOBS });
    expect(await total(core)).toBe(1000);
    goOn();

    await core.waitForEvent((e) => e.type === 'projection' && e.rebuilding === null, 20_000);
    const after = await core.handlers.getSnapshot({});
    expect(after.ok && after.value.rebuilding).toBeUndefined();
    // Every logged job, and the one acknowledged during the rebuild, folded once.
    expect(await total(core)).toBe(JOBS + 1);
    const page = await core.handlers.listJobs({ offset: 0, limit: 1 });
    expect(page.ok && page.value.rows[0]?.jobId).toBe('new-1');
  });

  it('are rebuilt again at the next start when the console stopped halfway', async () => {
    const config = await upgradedStore();
    core = await startTestConsole(config, { betweenRebuildPages: () => new Promise(() => {}) });
    expect(await total(core)).toBe(1000);
    await core.stop();
    core = await startTestConsole(config);
    await core.waitForEvent((e) => e.type === 'projection' && e.rebuilding === null, 20_000);
    expect(await total(core)).toBe(JOBS);
  });
});
