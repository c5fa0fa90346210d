import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath, openConsole, skipBrowserTests } from '../helpers/browser';
import { startServe, type ServeProcess } from '../helpers/serve-process';

/** What a newcomer's first `npm start` gives: training mode, its banner, and the feeder-empty exercise end to end. */
describe.skipIf(skipBrowserTests)('training mode in Chromium', () => {
  let browser: Browser;
  let serve: ServeProcess;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ic-training-'));
    const config = join(dir, 'config.json');
    writeFileSync(config, JSON.stringify({ training: { speed: 20, feederCapacity: 2, cardsPerBatch: 4 } }));
    serve = await startServe(['--config', config]);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
  });

  it('runs a batch until the feeder is empty, then resumes once cards are loaded', async () => {
    expect(serve.output()).toContain('Training mode');
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await openConsole(page, serve.uiUrl);
    await page.getByText('TRAINING MODE').waitFor();
    // The chosen exercise says what happens and what to do (the catalog's `scenarios` texts, by id).
    await page.locator('[data-scenario="feeder-empty"]').getByText('Feeder runs empty').first().waitFor();
    await page.getByText(/The input feeder holds only a few cards/).first().waitFor();

    await page.getByRole('button', { name: 'Start issuance' }).first().click();
    const alert = page.getByRole('alert').filter({ hasText: 'Feeder empty' });
    await alert.waitFor({ timeout: 20_000 });
    await page.screenshot({ path: screenshotPath('training-feeder-empty'), fullPage: true });

    // The trainee loads cards at the machine, then resumes from the alert: it closes when the machine runs again.
    await page.getByRole('button', { name: /Load 10 cards/ }).first().click();
    await alert.getByRole('button', { name: 'Resume' }).click();
    await alert.waitFor({ state: 'detached', timeout: 20_000 });
    await expect.poll(async () => page.getByRole('row').filter({ hasText: 'Completed' }).count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(4);
    await page.close();
  });
});

/** The machine's own warning before a stop, as a trainee meets it: the cartridge runs low, the band says so, they change it. */
describe.skipIf(skipBrowserTests)('training mode: a warning before a stop', () => {
  let browser: Browser;
  let serve: ServeProcess;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ic-training-'));
    const config = join(dir, 'config.json');
    const training = { speed: 50, cardsPerBatch: 12, feederCapacity: 100, scenario: 'normal-batch' };
    writeFileSync(config, JSON.stringify({ training, watchdog: { pollSeconds: 1 } }));
    serve = await startServe(['--config', config]);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
  });

  it('raises "act before it stops" as a low alert when the cartridge runs low, and clears it once the trainee changes it', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await openConsole(page, serve.uiUrl);
    await page.getByRole('button', { name: 'Start issuance' }).first().click();
    const alert = page.getByRole('alert').filter({ hasText: 'act before it stops' });
    await alert.waitFor({ timeout: 30_000 });
    await expect(alert.textContent()).resolves.toContain('The cartridge is running low: have a new one ready.');
    // A low priority: its word beside its shape, never colour alone.
    await expect(alert.textContent()).resolves.toMatch(/Low/);
    await page.screenshot({ path: screenshotPath('training-cartridge-low-1366') });

    await page.getByRole('button', { name: 'Change the cartridge' }).click();
    await alert.waitFor({ state: 'detached', timeout: 20_000 });
    await page.close();
  });
});
