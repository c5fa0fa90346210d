import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openConsole, screenshotPath, skipBrowserTests } from '../helpers/browser';
import { startServe, type ServeProcess } from '../helpers/serve-process';

/**
 * Issue 15 on the 1366×768 panel, in training mode: the machine's health in words, its own session totals beside the
 * console's with a lost message flagged, and the camera's picture beside an OCR read, on request.
 */
describe.skipIf(skipBrowserTests)('machine health and evidence in Chromium', () => {
  let browser: Browser;
  const serves: ServeProcess[] = [];

  async function serveTraining(training: Record<string, unknown>): Promise<ServeProcess> {
    const dir = mkdtempSync(join(tmpdir(), 'ic-health-'));
    const config = join(dir, 'config.json');
    writeFileSync(config, JSON.stringify({ training: { speed: 20, ...training }, watchdog: { pollSeconds: 1 } }));
    const serve = await startServe(['--config', config]);
    serves.push(serve);
    return serve;
  }

  async function panelPage(serve: ServeProcess): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await openConsole(page, serve.uiUrl);
    await page.getByText('TRAINING MODE').waitFor();
    return page;
  }

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all(serves.map((s) => s.stop()));
  });

  it('shows the health section with a warning before a stop, and flags the job the machine counted and the console never received', async () => {
    // Ten cards: the simulated cartridge reads low after ten (CARTRIDGE_LOW_AFTER).
    const page = await panelPage(await serveTraining({ scenario: 'lost-message', cardsPerBatch: 10 }));
    const health = page.getByRole('region', { name: 'Machine health' });
    await health.waitFor({ timeout: 10_000 });
    await expect.poll(() => health.textContent(), { timeout: 10_000 }).toContain('Front cover: closed');
    expect(await health.textContent()).toContain('Input 1: cards ready');

    await page.getByRole('button', { name: 'Start issuance' }).first().click();
    await expect.poll(async () => page.getByRole('row').filter({ hasText: 'Completed' }).count(), { timeout: 30_000 }).toBe(9);
    await expect.poll(() => page.getByRole('region', { name: 'Machines' }).textContent(), { timeout: 20_000 }).toContain('BatchCompleted');
    const ahead = health.getByRole('listitem').filter({ hasText: 'Before a stop: The cartridge is running low: have a new one ready.' });
    await ahead.waitFor({ timeout: 10_000 });
    await health.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('machine-health-warning') });
    await health.getByText('Details', { exact: true }).click();
    await page.getByRole('button', { name: 'Compare with the machine' }).click();
    const flag = page.getByRole('status').filter({ hasText: 'The machine counted 1 more completed job than the console received' });
    await flag.waitFor({ timeout: 10_000 });
    await flag.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('machine-health-sessions') });
    await page.close();
  });

  it('shows the camera\'s picture beside an OCR read only when asked, with its time and the vendor\'s caveat', async () => {
    const page = await panelPage(await serveTraining({ scenario: 'ocr-review', cardsPerBatch: 1 }));
    await page.getByRole('region', { name: 'Machine health' }).waitFor({ timeout: 10_000 });
    await page.screenshot({ path: screenshotPath('machine-health-panel') });
    await page.getByRole('button', { name: 'Start issuance' }).first().click();
    const tab = page.getByRole('tab', { name: /Reviews/ });
    await expect.poll(() => tab.textContent(), { timeout: 20_000 }).toContain('1');
    await tab.click();
    const review = page.locator('article.review').first();
    await review.waitFor();
    expect(await review.getByRole('img').count()).toBe(0);
    await review.getByRole('button', { name: 'Show the camera picture' }).click();
    const picture = review.getByRole('img', { name: 'The machine camera’s picture' });
    await picture.waitFor({ timeout: 10_000 });
    expect(await picture.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(320);
    const text = await review.textContent();
    expect(text).toContain('The machine does not promise that this picture shows the suspended card.');
    expect(text).toMatch(/Taken at \d\d:\d\d:\d\d \(when the console received it\)/);
    expect(text).toContain('Not kept');
    await picture.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('review-camera-snapshot') });
    await page.close();
  });
});
