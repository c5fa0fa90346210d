import { describe, expect, it } from 'vitest';
import { seedFeederEmpty, workflowStarted } from '../fixtures/aida';
import { screenshotPath, openConsole, skipBrowserTests } from '../helpers/browser';
import { servedConsole } from '../helpers/served-console';

describe.skipIf(skipBrowserTests)('serve mode in Chromium: a feeder-empty suspension resumed by the operator', () => {
  const served = servedConsole();

  const { post } = served;

  it('shows the job live, raises the alert, and Resume reaches AIDA', async () => {
    const page = await served.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await openConsole(page, served.serve.uiUrl);
    await expect.poll(() => page.getByText('No message yet').count()).toBe(1);
    // The token left the address bar once the page had it.
    expect(page.url()).not.toContain('token=');

    expect((await post(workflowStarted('40'))).status).toBe(200);
    await page.getByRole('row').filter({ hasText: 'CORR-40' }).getByText('Running').waitFor();

    expect((await post(seedFeederEmpty())).status).toBe(200);
    const alert = page.getByRole('alert').filter({ hasText: 'Feeder empty' });
    await alert.waitFor();
    await expect.poll(() => alert.textContent()).toContain('Load cards into the input feeder');

    await alert.getByRole('button', { name: 'Resume' }).click();
    await alert.getByText('Resume: Accepted by the machine').waitFor();
    expect(served.aida.commands().filter((c) => c.path === '/aida/v1/workflow-scheduler/resume')).toHaveLength(1);
    await page.screenshot({ path: screenshotPath('feeder-empty-alert'), fullPage: true });

    // The alert stays until the machine says it runs again.
    expect(await alert.count()).toBe(1);
    await post(workflowStarted('41'));
    await alert.waitFor({ state: 'detached' });
    await page.close();
  });

  it('refuses the API to a page that is not the console', async () => {
    const page = await served.browser.newPage();
    await page.goto('about:blank');
    const printed = new URL(served.serve.uiUrl);
    const wsUrl = `ws://${printed.host}/api/ws?token=${printed.password}`;
    const opened = await page.evaluate(
      (url) =>
        new Promise<boolean>((resolve) => {
          const ws = new WebSocket(url);
          ws.onopen = () => resolve(true);
          ws.onerror = () => resolve(false);
        }),
      wsUrl,
    );
    expect(opened).toBe(false);
    await page.close();
  });
});
