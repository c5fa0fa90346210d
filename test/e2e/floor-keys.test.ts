import { describe, expect, it } from 'vitest';
import { seedFeederEmpty, workflowStarted } from '../fixtures/aida';
import { openConsole, screenshotPath, skipBrowserTests } from '../helpers/browser';
import { servedConsole } from '../helpers/served-console';

describe.skipIf(skipBrowserTests)('serve mode in Chromium: keys on the floor, a hand and a barcode scanner', () => {
  const served = servedConsole();

  const { post } = served;
  const schedulerCalls = () => served.aida.commands().filter((c) => /workflow-scheduler\/(resume|stop)$/.test(c.path));

  it('a scanned batch opens its job and sends nothing to the machine; holding R resumes it', async () => {
    const page = await served.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await openConsole(page, served.serve.uiUrl);
    expect((await post(workflowStarted('40', { BatchId: 'BATCH-R7S2-RS99' }))).status).toBe(200);
    expect((await post(seedFeederEmpty())).status).toBe(200);
    const alert = page.getByRole('alert').filter({ hasText: 'Feeder empty' });
    await alert.waitFor();

    // The scanner types as fast as it can, with its Enter, while the Stop button has the focus.
    await alert.getByRole('button', { name: 'Stop' }).focus();
    await page.keyboard.type('BATCH-R7S2-RS99\n');
    const detail = page.getByRole('dialog', { name: 'Job 40' });
    await detail.waitFor();
    await page.screenshot({ path: screenshotPath('floor-keys-scanned-batch') });
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });
    expect(schedulerCalls()).toEqual([]);

    // A hand holds R: the button fills, and Resume goes once the hold is complete.
    const resume = alert.getByRole('button', { name: 'Resume' });
    await page.keyboard.down('r');
    await expect.poll(() => resume.getAttribute('data-holding')).toBe('true');
    await page.screenshot({ path: screenshotPath('floor-keys-holding-r') });
    await alert.getByText('Resume: Accepted by the machine').waitFor();
    await page.keyboard.up('r');
    expect(schedulerCalls().map((c) => c.path)).toEqual(['/aida/v1/workflow-scheduler/resume']);
    await page.close();
  });
});
