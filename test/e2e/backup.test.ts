import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { launchChromium, openConsole, screenshotPath, skipBrowserTests } from '../helpers/browser';
import { startServe, type ServeProcess } from '../helpers/serve-process';

describe.skipIf(skipBrowserTests)('serve mode in Chromium: the settings screen backs up on request and shows the result', () => {
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    serve = await startServe();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await openConsole(page, serve.uiUrl);
  });

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
  });

  it('"Back up now" makes a checked copy, and the screen says so in words', async () => {
    await page.getByRole('button', { name: /Settings/ }).click();
    const block = page.getByRole('region', { name: 'Backups' });
    await block.getByText('No backup has been made yet.').waitFor();
    await block.getByRole('button', { name: 'Back up now' }).click();
    await block.getByText(/passed its integrity check — backup on request/).waitFor();
    await block.getByText(/on the same disk as the console's data/).waitFor();
    await block.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('settings-backups') });
  });
});
