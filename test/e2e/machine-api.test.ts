import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openConsole, screenshotPath, skipBrowserTests } from '../helpers/browser';
import { startServe, type ServeProcess } from '../helpers/serve-process';

/**
 * What the machine's API tells, on the 1366×768 panel an operator reads from two metres: a scheduler in Error that
 * no webhook announces, with the machine's own words, and which AIDA it is.
 */
describe.skipIf(skipBrowserTests)('the machine panel in Chromium: what the machine\'s API tells', () => {
  let browser: Browser;
  let serve: ServeProcess;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ic-machine-api-'));
    const config = join(dir, 'config.json');
    writeFileSync(config, JSON.stringify({ training: { speed: 20, scenario: 'scheduler-error' }, watchdog: { pollSeconds: 1 } }));
    serve = await startServe(['--config', config]);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
  });

  it('shows issuance in error with the machine\'s details and an alert, and the AIDA version and what was detected', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await openConsole(page, serve.uiUrl);
    const panel = page.getByRole('region', { name: 'Machines' });
    await expect.poll(async () => panel.textContent(), { timeout: 10_000 }).toContain('version 1.6.3+simulator');
    expect(await panel.textContent()).toContain('Detected: AIDA 1.6 endpoints offered (machine status)');

    await page.getByRole('button', { name: 'Start issuance' }).first().click();
    const error = panel.getByRole('status', { name: 'Issuance in error' });
    await error.waitFor({ timeout: 10_000 });
    expect(await error.textContent()).toContain('The machine says: “Job template "Training card" was not found in the job template store.”');
    await page.getByRole('alert').filter({ hasText: 'Issuance in error: JobTemplateDoesNotExists' }).waitFor({ timeout: 10_000 });
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('machine-panel-scheduler-error') });
    await page.close();
  });
});
