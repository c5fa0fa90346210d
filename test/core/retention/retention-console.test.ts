import { existsSync, rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { archivePath } from '../../../electron/core/store/archive-files';
import { workflowCompleted, workflowStarted } from '../../fixtures/aida';
import { startTestConsole, testConfig, type TestConsole } from '../../helpers/core';
import { startFakeAida, type FakeAida } from '../../helpers/fake-aida';
import { countIn, march2025, retentionStore } from '../store/retention-harness';

let core: TestConsole | undefined;
let aida: FakeAida | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  await core?.stop();
  await aida?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  core = undefined;
  aida = undefined;
  dataDir = undefined;
});

const OLD_JOBS = 400;

describe('retention in a running console', () => {
  it('archives old jobs in batches at start while webhooks keep being acknowledged and applied', async () => {
    const filled = retentionStore();
    const old: [Record<string, unknown>, string][] = [];
    for (let n = 1; n <= OLD_JOBS; n++) {
      old.push([workflowStarted(`old-${n}`), march2025(1 + (n % 20), 0)], [workflowCompleted(`old-${n}`), march2025(1 + (n % 20), 1)]);
    }
    await filled.deliverAll(old);
    filled.release();
    dataDir = filled.dataDir;

    aida = await startFakeAida();
    core = await startTestConsole(testConfig({ machines: [{ id: 'm1', apiUrl: aida.url, kind: 'box' }] }, filled.dataDir), {
      retention: { batchJobs: 25, restMs: 2 },
    });
    const c = core;
    const archived = () => {
      if (!existsSync(archivePath(filled.dataDir, 2025))) return 0;
      const archive = filled.archive(2025);
      try {
        return countIn(archive, 'jobs');
      } finally {
        archive.close();
      }
    };
    // Webhooks arrive all along: before, during and after the pass (which starts once the rebuild at start ends).
    const posted: string[] = [];
    const answers: number[] = [];
    const deadline = Date.now() + 15_000;
    while ((archived() < OLD_JOBS || posted.length < 60) && Date.now() < deadline) {
      const ids = Array.from({ length: 5 }, (_, n) => `new-${posted.length + n}`);
      posted.push(...ids);
      answers.push(...(await Promise.all(ids.map((id) => c.post(workflowStarted(id)).then((r) => r.status)))));
    }
    expect(archived()).toBe(OLD_JOBS);
    expect(answers.every((s) => s === 200)).toBe(true);

    // However many arrived while the pass ran (a slow machine posts more), every one is live.
    const live: (string | undefined)[] = [];
    for (let offset = 0; offset < posted.length; offset += 500) {
      const page = await c.handlers.listJobs({ offset, limit: 500 });
      if (page.ok) live.push(...page.value.rows.map((j) => j.jobId));
    }
    expect(live.sort()).toEqual([...posted].sort());
    const found = await c.handlers.listJobs({ offset: 0, limit: 10, includeArchive: true, search: 'old-399' });
    expect(found.ok && found.value.rows.map((j) => [j.jobId, j.status])).toEqual([['old-399', 'Completed']]);
    const detail = await c.handlers.getJobDetail({ machineId: 'm1', key: 'old-399' });
    expect(detail.ok && detail.value.timeline.map((e) => e.type)).toEqual(['WorkflowStarted', 'WorkflowCompleted']);
    const all = await c.handlers.listJobs({ offset: 0, limit: 10, includeArchive: true });
    expect(all.ok && all.value.total).toBe(posted.length + OLD_JOBS);
    const storage = await c.handlers.getStorage({});
    expect(storage.ok && storage.value.archives.map((a) => a.year)).toEqual([2025]);
    expect(storage.ok && storage.value.oldestLiveDay).toBe(new Date().toISOString().slice(0, 10));
  });
});
