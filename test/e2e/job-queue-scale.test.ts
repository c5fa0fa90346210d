import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobState } from '../../electron/core/domain/job-state';
import { PROJECTION_VERSION } from '../../electron/core/ingest/projector';
import { Store } from '../../electron/core/store/store';
import { workflowStarted } from '../fixtures/aida';
import { tempDir } from '../helpers/core';
import { launchChromium, openConsole, screenshotPath, skipBrowserTests } from '../helpers/browser';
import { startServe, type ServeProcess } from '../helpers/serve-process';

/** Past 8,000,000 px of 76 px rows: the list is taller than the scroll area may be, and its bar is scaled. */
const JOBS = 110_000;
const at = (n: number) => new Date(Date.UTC(2025, 2, 1, 6, 0, 0) + n * 1000).toISOString();

/** Job n of a long queue, folded as the projection would have folded it: J000001 is the oldest. */
function queued(n: number, overrides: Partial<JobState> = {}): JobState {
  const id = `J${String(n).padStart(6, '0')}`;
  return {
    source: 'aida',
    machineId: 'aida',
    key: id,
    jobId: id,
    correlationId: `ORD-${n.toString(16).padStart(6, '0')}`,
    batchId: `BATCH-${String(Math.floor(n / 250)).padStart(4, '0')}`,
    status: 'Completed',
    lastMessageType: 'WorkflowCompleted',
    stateSince: at(n),
    updatedAt: at(n),
    ...overrides,
  };
}

/** A data directory holding a long queue (and a few jobs a search must find), with its projections current. */
function longQueue(): string {
  const dataDir = tempDir('ic-e2e-scale-');
  const store = Store.open({ dataDir, durability: 'crash' });
  store.transaction(() => {
    for (let n = 1; n <= JOBS; n++) store.jobs.put(queued(n), n);
    store.jobs.put(queued(JOBS + 1, { jobId: 'QZ-771', key: 'QZ-771', correlationId: 'PASSPORT-5XK9T' }), JOBS + 1);
    store.projection.setVersion(PROJECTION_VERSION);
  });
  store.close();
  return dataDir;
}

describe.skipIf(skipBrowserTests)('serve mode in Chromium: the job queue at scale', () => {
  let browser: Browser;
  let serve: ServeProcess;
  let page: Page;
  /** What the page asked the core, method by method, since it opened. */
  const asked: string[] = [];

  beforeAll(async () => {
    serve = await startServe(['--webhook-host', '127.0.0.1'], longQueue());
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    page.on('websocket', (ws) =>
      ws.on('framesent', ({ payload }) => {
        const method = /"method":"(\w+)"/.exec(String(payload))?.[1];
        if (method) asked.push(method);
      }),
    );
    await openConsole(page, serve.uiUrl);
    // Filling the store and starting the console take a while on a busy 2-core machine.
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
  });

  const jobs = () => page.getByRole('region', { name: 'Jobs' });
  const row = (id: string) => jobs().locator(`[role="row"][data-job-id="${id}"]`);

  it('reaches the last of 110,000 jobs by the scroll bar, the scroll area under the layout limit', async () => {
    await row('QZ-771').waitFor();
    await expect.poll(() => jobs().getByTestId('job-count').textContent()).toBe('110,001 jobs, newest first');
    const scroll = jobs().getByTestId('job-scroll');
    const [height, shown] = await scroll.evaluate((el) => [el.scrollHeight, el.clientHeight]);
    expect(height).toBeLessThanOrEqual(8_000_000);
    // The area scrolls itself (the page does not grow with the list).
    expect(shown).toBeLessThan(768);
    await scroll.evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await row('J000001').waitFor();
    expect(await row('J000001').getAttribute('aria-rowindex')).toBe(String(JOBS + 2));
    await jobs().getByTestId('job-count').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('job-queue-last-row') });

    // The wheel moves the list by its own pixels: ten rows up, the last row leaves the screen.
    await scroll.hover();
    await page.mouse.wheel(0, -760);
    await row('J000001').waitFor({ state: 'detached' });
    await row('J000012').waitFor();
  });

  it('finds a job by 3 characters inside an id, and by the first 2 of an id', async () => {
    const search = jobs().getByTestId('job-search');
    await search.fill('5xk');
    await expect.poll(() => jobs().getByTestId('job-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-job-id')))).toEqual(['QZ-771']);
    expect(await jobs().getByTestId('job-count').textContent()).toBe('1 job match, newest first');
    await search.fill('qz');
    await expect.poll(() => jobs().getByTestId('job-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-job-id')))).toEqual(['QZ-771']);
    // Inside an id, 2 characters find nothing: only the start of one.
    await search.fill('z-');
    await expect.poll(() => jobs().getByTestId('job-count').textContent()).toBe('No job matches these filters');
    await search.fill('ORD-');
    await expect.poll(() => jobs().getByTestId('job-count').textContent()).toBe('10,000+ jobs match, newest first (the newest 10,000 listed)');
    await page.screenshot({ path: screenshotPath('job-queue-search-capped') });
    await jobs().getByRole('button', { name: 'Clear filters' }).click();
    await row('QZ-771').waitFor();
  });

  it("puts a posted webhook's job on top without reading a page again", async () => {
    await expect.poll(() => jobs().getByTestId('job-count').textContent()).toBe('110,001 jobs, newest first');
    const before = asked.filter((m) => m === 'listJobs').length;
    const res = await fetch(serve.webhookUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(workflowStarted('NEW-1')) });
    expect(res.status).toBe(200);
    await row('NEW-1').waitFor();
    expect(await row('NEW-1').getAttribute('aria-rowindex')).toBe('2');
    expect(await row('NEW-1').textContent()).toContain('Running');
    await expect.poll(() => jobs().getByTestId('job-count').textContent()).toBe('110,002 jobs, newest first');
    expect(asked.filter((m) => m === 'listJobs').length).toBe(before);
  });
});
