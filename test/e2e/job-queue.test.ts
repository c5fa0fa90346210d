import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pascalMessage, workflowStarted } from '../fixtures/aida';
import { tempDir } from '../helpers/core';
import { launchChromium, screenshotPath, openConsole, skipBrowserTests } from '../helpers/browser';
import { startFakeAida, type FakeAida } from '../helpers/fake-aida';
import { startServe, type ServeProcess } from '../helpers/serve-process';

const LINE_2 = { MachineName: 'AIDA-02', MachineSerial: 'SN-2002', HostName: 'aida-02.local' };

/** A job's end as AIDA reports it: the card flags and, for a cancelled job, the job whose error cancelled it. */
function ended(type: 'WorkflowFaulted' | 'WorkflowCancelled', jobId: string, fields: Record<string, unknown>) {
  return pascalMessage(type, {
    JobId: jobId,
    BatchId: 'BATCH-7',
    CorrelationId: `CORR-${jobId}`,
    WorkflowInstanceId: `wf-${jobId}`,
    JobStatus: type === 'WorkflowFaulted' ? 'Faulted' : 'Cancelled',
    ...fields,
  });
}

describe.skipIf(skipBrowserTests)('serve mode in Chromium: the job queue, a job detail and the rejected deliveries', () => {
  let browser: Browser;
  let aida: FakeAida;
  let serve: ServeProcess;
  let page: Page;

  const post = (body: unknown) =>
    fetch(serve.webhookUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

  beforeAll(async () => {
    aida = await startFakeAida();
    aida.respond('/aida/v1/workflow-scheduler/metrics', 200, { jobsPerHour: 118, runningJobs: 1, faultedJobs: 2 });
    const dir = tempDir('ic-e2e-queue-');
    const config = join(dir, 'console.json');
    writeFileSync(
      config,
      JSON.stringify({
        machines: [
          { id: 'line-1', label: 'AIDA line 1', apiUrl: aida.url, kind: 'box', serial: 'SN-1001' },
          { id: 'line-2', label: 'AIDA line 2', apiUrl: aida.url, kind: 'desktop', serial: 'SN-2002' },
        ],
      }),
    );
    serve = await startServe(['--config', config, '--webhook-host', '127.0.0.1']);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await openConsole(page, serve.uiUrl);
  });

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    await aida?.close();
  });

  it('posts a card jam with the jobs it cancelled, a faulted job whose card exists, another line, and a non-JSON body', async () => {
    const bodies = [
      workflowStarted('40'),
      ...['43', '44', '45', '46'].map((id) => workflowStarted(id)),
      // Job 43's card jam: AIDA cancels the jobs behind it, each naming job 43's workflow instance.
      ended('WorkflowFaulted', '43', { ErrorCode: 'CardJam', DocumentProduced: true, DestructiveOperationExecuted: true }),
      ...['44', '45', '46'].map((id) =>
        ended('WorkflowCancelled', id, {
          ErrorCode: 'CancelledOnStartup',
          SourceJobInstanceId: 'wf-43',
          DocumentProduced: false,
          DestructiveOperationExecuted: false,
        }),
      ),
      workflowStarted('50'),
      ended('WorkflowFaulted', '50', { ErrorCode: 'ChipPersonalizationFailed', DocumentProduced: true, DestructiveOperationExecuted: true }),
      { ...workflowStarted('60', { BatchId: 'BATCH-9' }), ...LINE_2 },
      pascalMessage('HealthCheck'),
    ];
    for (const body of bodies) expect((await post(body)).status).toBe(200);
    const refused = await fetch(serve.webhookUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: 'this is {not json' });
    expect(refused.status).toBe(400);
  });

  it('lists the jobs live, with the cancelled jobs under their source and the card facts in words', async () => {
    const jobs = page.getByRole('region', { name: 'Jobs' });
    const row = (id: string) => jobs.locator(`[role="row"][data-job-id="${id}"]`);
    await row('60').waitFor();
    await expect.poll(() => jobs.getByRole('status').textContent()).toBe('4 jobs, newest first');
    expect(await row('44').count()).toBe(0);

    const source = row('43');
    expect(await source.textContent()).toContain('Faulted');
    expect(await source.textContent()).toContain('A card jammed while being moved.');
    expect(await source.textContent()).toContain('Card produced: yes');
    expect(await source.textContent()).toContain('Destructive operation: yes');
    await source.getByRole('button', { name: '3 jobs cancelled by this error' }).click();
    await row('46').waitFor();
    expect(await row('44').textContent()).toContain('Card produced: no');
    expect(await row('44').textContent()).toContain('Cancelled by job 43');

    const line1 = page.getByRole('article', { name: 'AIDA line 1' });
    await expect.poll(() => line1.textContent()).toMatch(/Health check \d\d:\d\d:\d\d/);
    await expect.poll(() => line1.textContent()).toContain('Jobs per hour118');
    await page.screenshot({ path: screenshotPath('job-queue'), fullPage: true });
  });

  it('searches with "Search jobs" and filters by status and machine', async () => {
    const jobs = page.getByRole('region', { name: 'Jobs' });
    const rows = jobs.locator('[role="row"][data-job-id]');
    const shown = async () => (await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-job-id')))).sort();

    await jobs.getByLabel('Search jobs').fill('corr-50');
    await expect.poll(shown).toEqual(['50']);
    await jobs.getByLabel('Search jobs').fill('');
    await expect.poll(shown).toEqual(['40', '43', '44', '45', '46', '50', '60']);

    await jobs.getByLabel('Status', { exact: true }).selectOption('Faulted');
    await expect.poll(shown).toEqual(['43', '44', '45', '46', '50']);
    await jobs.getByLabel('Status', { exact: true }).selectOption('');
    await jobs.getByLabel('Machine', { exact: true }).selectOption({ label: 'AIDA line 2' });
    await expect.poll(shown).toEqual(['60']);
    await jobs.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(shown).toEqual(['40', '43', '44', '45', '46', '50', '60']);
  });

  it("opens a job's detail: the timeline of its messages and the raw JSON of each", async () => {
    const jobs = page.getByRole('region', { name: 'Jobs' });
    await jobs.locator('[role="row"][data-job-id="43"]').getByRole('button', { name: /^43/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Job 43' });
    await dialog.getByText('WorkflowFaulted', { exact: true }).waitFor();
    expect(await dialog.getByRole('listitem').filter({ has: page.getByText('WorkflowStarted', { exact: true }) }).count()).toBe(1);
    expect(await dialog.textContent()).toContain('3 jobs cancelled by this error');

    const faulted = dialog.locator('li.timeline-entry').filter({ has: page.getByText('WorkflowFaulted', { exact: true }) });
    await faulted.getByRole('button', { name: 'Show raw JSON' }).click();
    const raw = await faulted.getByLabel('Raw JSON of the WorkflowFaulted message').textContent();
    expect(JSON.parse(raw ?? '')).toMatchObject({ MessageType: 'WorkflowFaulted', JobId: '43', ErrorCode: 'CardJam', DocumentProduced: true });
    await faulted.getByLabel('Raw JSON of the WorkflowFaulted message').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('job-detail') });
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('shows the refused delivery, counted on the navigation, with its raw body', async () => {
    const tab = page.getByRole('tab', { name: /Rejected deliveries/ });
    await expect.poll(() => tab.textContent()).toBe('Rejected deliveries1');
    await tab.click();
    const view = page.getByRole('region', { name: 'Rejected deliveries' });
    const refused = view.getByRole('row').filter({ hasText: '400 Bad Request' });
    await refused.waitFor();
    expect(await refused.textContent()).toContain('127.0.0.1');
    expect(await refused.textContent()).toContain('17 bytes');
    await page.screenshot({ path: screenshotPath('rejected-deliveries') });

    await refused.getByRole('button', { name: 'Show body' }).click();
    const dialog = page.getByRole('dialog', { name: /Rejected delivery/ });
    expect(await dialog.getByLabel('Raw body').textContent()).toBe('this is {not json');
  });
});
