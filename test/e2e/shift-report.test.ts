import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pascalMessage, workflowCompleted, workflowStarted, workflowFaulted } from '../fixtures/aida';
import { tempDir } from '../helpers/core';
import { launchChromium, openConsole, screenshotPath, skipBrowserTests } from '../helpers/browser';
import { startFakeAida, type FakeAida } from '../helpers/fake-aida';
import { startServe, type ServeProcess } from '../helpers/serve-process';

const MINUTE = 60_000;
const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);

/**
 * A shift that ends a little after the console starts (shifts are cut at whole minutes, in UTC here): the console
 * makes its report at that end, whether anyone looks or not, and the test reads it there.
 */
function shiftEndingSoon(now: number): number {
  const next = Math.ceil(now / MINUTE) * MINUTE;
  return next - now < 30_000 ? next + MINUTE : next;
}

/** CSP violations the page reports, collected from the first script on. */
async function watchCsp(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) seen.push(m.text());
  });
  await page.exposeFunction('reportCspViolation', (v: string) => seen.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      void (window as unknown as { reportCspViolation: (v: string) => void }).reportCspViolation(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return seen;
}

describe.skipIf(skipBrowserTests)('serve mode in Chromium: the production figures and a frozen shift report', () => {
  let browser: Browser;
  let aida: FakeAida;
  let serve: ServeProcess;
  let page: Page;
  let csp: string[];
  /** What the page reported while it loaded, before the production view was opened. */
  let atLoad: string[];
  let shiftEnd: number;
  const post = async (body: unknown) => {
    const res = await fetch(serve.webhookUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status).toBe(200);
  };
  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

  beforeAll(async () => {
    aida = await startFakeAida();
    const dir = tempDir('ic-e2e-shift-');
    const config = join(dir, 'console.json');
    shiftEnd = shiftEndingSoon(Date.now());
    writeFileSync(
      config,
      JSON.stringify({
        machines: [{ id: 'line-1', label: 'AIDA line 1', apiUrl: aida.url, kind: 'box', serial: 'SN-1001' }],
        shifts: [
          { name: 'Early', start: hhmm(shiftEnd - 8 * 60 * MINUTE), end: hhmm(shiftEnd) },
          { name: 'Late', start: hhmm(shiftEnd), end: hhmm(shiftEnd - 8 * 60 * MINUTE) },
        ],
        production: { timeZone: 'UTC', nominalCardsPerHour: { 'line-1': 600 } },
      }),
    );
    serve = await startServe(['--config', config, '--webhook-host', '127.0.0.1']);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    csp = await watchCsp(page);
    await openConsole(page, serve.uiUrl);
    atLoad = [...csp];
  });

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    await aida?.close();
  });

  it('a shift runs: cards made, two faults, a retried job, the feeder and the interlock stop it, one job still running', async () => {
    await post(pascalMessage('WorkflowSchedulerStarted'));
    for (const id of ['1', '2', '3', '4', '5', '6']) {
      await post(workflowStarted(id));
      await post(workflowCompleted(id));
    }
    await post(workflowStarted('7'));
    await post(workflowFaulted('7', 'CardJam', { DocumentProduced: true, DestructiveOperationExecuted: true }));
    await post(workflowStarted('8'));
    await post(workflowFaulted('8', 'ChipPersonalizationFailed', { DocumentProduced: false, DestructiveOperationExecuted: true }));
    await post(workflowStarted('9'));
    await post(workflowStarted('9', { WorkflowInstanceId: 'wf-9-again' }));
    await post(workflowCompleted('9', { WorkflowInstanceId: 'wf-9-again' }));
    await post(pascalMessage('WorkflowSchedulerSuspended', { ErrorCode: 'FeederEmpty' }));
    await pause(2000);
    await post(pascalMessage('WorkflowSchedulerStarted'));
    await post(pascalMessage('WorkflowSchedulerSuspended', { ErrorCode: 'OpenInterlock' }));
    await pause(1000);
    await post(pascalMessage('WorkflowSchedulerStarted'));
    await post(workflowStarted('10'));
    // Still suspended when the shift ends: an open alert at hand-over.
    await post(pascalMessage('WorkflowSchedulerSuspended', { ErrorCode: 'FeederEmpty' }));
  });

  it('shows the figures of today with the accounting, downtime by cause and the charts, labelled as computed', async () => {
    await page.getByRole('tab', { name: 'Production' }).click();
    const table = page.getByRole('table', { name: 'Card accounting' });
    const total = table.getByRole('row', { name: /^All/ });
    await expect.poll(async () => (await total.getByRole('cell').allTextContents()).slice(0, 4), { timeout: 10_000 }).toEqual(['10', '7', '2', '0']);
    expect(await page.getByText("Computed from the console's messages").count()).toBeGreaterThan(0);
    const downtime = page.getByRole('table', { name: 'Downtime by cause' });
    await downtime.getByRole('row', { name: /FeederEmpty/ }).waitFor();
    await downtime.getByRole('row', { name: /OpenInterlock/ }).waitFor();
    await page.getByRole('img', { name: /Cards per hour, by outcome/ }).locator('canvas').first().waitFor();
    await page.getByRole('img', { name: /Downtime by cause \(Pareto\)/ }).waitFor();
    await page.getByRole('img', { name: /Faults by error code: CardJam 1; ChipPersonalizationFailed 1/ }).waitFor();
    await page.screenshot({ path: screenshotPath('production-figures-1366'), fullPage: true });
  });

  it('makes the report at the end of the shift without anyone opening it, and lists it', async () => {
    await pause(Math.max(0, shiftEnd - Date.now() + 2500));
    await page.getByRole('button', { name: 'Shift reports' }).click();
    const row = page.locator('tr[data-report-id]').filter({ hasText: 'Early' });
    await expect
      .poll(
        async () => {
          if ((await row.count()) > 0) return true;
          await page.getByRole('button', { name: 'Figures' }).click();
          await page.getByRole('button', { name: 'Shift reports' }).click();
          return false;
        },
        { timeout: 20_000, interval: 1000 },
      )
      .toBe(true);
    expect(await row.textContent()).toContain('Not signed off');
  }, 150_000);

  it('flags a late message, keeps the figures as made, and hands over: open items, a note, a sign-off', async () => {
    // Job 10 ends after its shift's report was made: the report says so and keeps its figures.
    await post(workflowCompleted('10'));
    await page.getByRole('button', { name: 'Figures' }).click();
    await page.getByRole('button', { name: 'Shift reports' }).click();
    const row = page.locator('tr[data-report-id]').filter({ hasText: 'Early' });
    await row.getByRole('button', { name: 'Open' }).click();
    const report = page.getByRole('article', { name: /Shift report: Early/ });
    await report.waitFor();
    await report.getByText(/Changed by 1 late message/).waitFor();
    const total = report.getByRole('table', { name: 'Per machine' }).getByRole('row', { name: /^All/ });
    expect((await total.getByRole('cell').allTextContents()).slice(0, 2)).toEqual(['10', '7']);
    expect(await report.getByText('Open alerts: 1').count()).toBe(1);

    await report.getByLabel('Note for the next shift').fill('Feeder 1 empty at hand-over: refill before starting. Interlock checked.');
    await report.getByRole('button', { name: 'Save the note' }).click();
    await report.getByText(/Written by /).waitFor();
    await report.getByRole('button', { name: 'Sign off the shift' }).click();
    await report.getByRole('button', { name: /Sign off now/ }).click();
    await report.getByText(/Signed off by /).waitFor();
    expect(await report.getByRole('textbox').count()).toBe(0);
    await report.getByText('Feeder 1 empty at hand-over: refill before starting. Interlock checked.').waitFor();

    await report.getByRole('heading', { name: /Shift report: Early/ }).evaluate((h) => h.scrollIntoView());
    await page.screenshot({ path: screenshotPath('shift-report-1366') });
    await page.screenshot({ path: screenshotPath('shift-report-1366-full'), fullPage: true });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await report.getByRole('heading', { name: /Shift report: Early/ }).evaluate((h) => h.scrollIntoView());
    await page.screenshot({ path: screenshotPath('shift-report-1920') });
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  it('exports the report as CSV', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const path = await download.path();
    expect(readFileSync(path, 'utf8')).toContain('Early');
  });

  it('prints the report on A4 with its charts and a line for signatures, and no CSP violation was reported', async () => {
    // Served, "Save as PDF / Print" opens the browser's own print dialog (stood in for here: headless has none).
    await page.evaluate(() => {
      const w = window as unknown as { printed: number };
      w.printed = 0;
      window.print = () => void w.printed++;
    });
    const pdfButton = page.getByRole('button', { name: 'Save as PDF / Print' });
    await pdfButton.evaluate((b) => b.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: screenshotPath('shift-report-actions-1366') });
    await pdfButton.click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    const dir = tempDir('ic-e2e-pdf-');
    const pdf = join(dir, 'shift-report.pdf');
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
    expect(text).toContain('Shift report: Early');
    expect(text).toContain('Signature');
    expect(text).toContain('Cards per hour, by outcome');
    expect(text).not.toContain('Machines & jobs');
    const png = screenshotPath('shift-report-pdf-page1').replace(/\.png$/, '');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, png]);
    expect(existsSync(`${png}.png`)).toBe(true);
    // Nothing at load (zod runs without eval) and nothing from the charts, the report or its printing.
    expect(atLoad).toEqual([]);
    expect(csp.slice(atLoad.length)).toEqual([]);
  });
});
