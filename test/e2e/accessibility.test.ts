import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feederEmptySuspended, ocrExecuted, workflowStarted } from '../fixtures/aida';
import { keyboardPass, liveRegionChanges, seriousViolations } from '../helpers/accessibility';
import { launchChromium, openConsole, screenshotPath, skipBrowserTests } from '../helpers/browser';
import { servedConsole } from '../helpers/served-console';
import { startServe, type ServeProcess } from '../helpers/serve-process';

const VIEWPORT = { width: 1366, height: 768 };

/**
 * Every screen of the console through axe-core, with something on it: a suspension open, a read waiting for review,
 * a job, a refused delivery, accounts. A serious or critical violation anywhere fails the test (each is printed).
 */
describe.skipIf(skipBrowserTests)('accessibility: every screen in Chromium', () => {
  const served = servedConsole();
  let page: Page;
  const post = async (body: unknown) => expect((await served.post(body)).status).toBe(200);
  const tab = (name: string | RegExp) => page.getByRole('tab', { name });

  beforeAll(async () => {
    page = await served.browser.newPage({ viewport: VIEWPORT });
    await openConsole(page, served.serve.uiUrl);
    await post(workflowStarted('50'));
    await post(ocrExecuted('50'));
    await post(workflowStarted('51'));
    await post(feederEmptySuspended());
    const refused = await fetch(served.serve.webhookUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{not json' });
    expect(refused.status).toBe(400);
    await page.getByRole('alert').filter({ hasText: 'Feeder empty' }).waitFor();
  });

  it('Machines & jobs, with a suspension open', async () => {
    await page.locator('[role="row"][data-job-id="51"]').waitFor();
    expect(await seriousViolations(page, 'Machines & jobs')).toEqual([]);
  });

  it("a job's detail", async () => {
    await page.locator('[role="row"][data-job-id="50"]').getByRole('button', { name: /^50/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Job 50' });
    await dialog.getByText('OcrExecuted', { exact: true }).waitFor();
    expect(await seriousViolations(page, 'job detail')).toEqual([]);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('Reviews, and the reject dialog', async () => {
    await tab(/Reviews/).click();
    const review = page.getByRole('article', { name: /OCR read/ });
    await review.waitFor();
    expect(await seriousViolations(page, 'Reviews')).toEqual([]);
    await review.getByRole('button', { name: /Reject/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await seriousViolations(page, 'reject dialog')).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  for (const [view, shown] of [
    ['Alert history', 'Feeder empty'],
    ['Audit', /Audit/],
    ['People & prints', /RapIDadmin|people|print/i],
    ['Verifications', /verification/i],
    ['Rejected deliveries', '400 Bad Request'],
  ] as const) {
    it(view, async () => {
      await tab(new RegExp(`^${view.replace(/[&]/g, '\\$&')}`)).click();
      await page.locator('main, .panel').getByText(shown).first().waitFor();
      expect(await seriousViolations(page, view)).toEqual([]);
    });
  }

  it('a rejected delivery’s body', async () => {
    await page.getByRole('button', { name: 'Show body' }).first().click();
    const dialog = page.getByRole('dialog', { name: /Rejected delivery/ });
    await dialog.waitFor();
    expect(await seriousViolations(page, 'rejected delivery')).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('Settings', async () => {
    await page.getByRole('button', { name: /Settings/ }).click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await page.locator('.setting-list').first().waitFor();
    expect(await seriousViolations(page, 'Settings')).toEqual([]);
    // A console on this computer: the browser keeps the screen on, and Settings says when.
    await page.getByText(/This screen is kept awake while a machine is issuing/).scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('settings-screen-sleep') });
    await page.getByRole('button', { name: /Close settings/ }).click();
  });

  it('the people screens: the first account, Accounts, and signing in', async () => {
    await page.locator('.station-band').getByRole('button', { name: /Create the first IT account/ }).click();
    const first = page.getByRole('dialog', { name: 'Create the first IT account' });
    await first.waitFor();
    expect(await seriousViolations(page, 'first account dialog')).toEqual([]);
    await first.getByLabel('Name').fill('Ida IT');
    await first.getByLabel('PIN', { exact: true }).fill('246810');
    await first.getByLabel('The same PIN again').fill('246810');
    await first.getByRole('button', { name: /Create and sign in/ }).click();
    await page.getByLabel('Signed in').getByText('Ida IT').waitFor();

    await tab('Accounts').click();
    await page.getByRole('list', { name: 'Accounts' }).waitFor();
    expect(await seriousViolations(page, 'Accounts')).toEqual([]);
    await page.getByRole('button', { name: /Create an account/ }).click();
    const create = page.getByRole('dialog', { name: 'Create an account' });
    await create.waitFor();
    expect(await seriousViolations(page, 'create account dialog')).toEqual([]);
    await page.keyboard.press('Escape');
    await create.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: /Sign out/ }).click();
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('button', { name: /Ida IT/ }).waitFor();
    expect(await seriousViolations(page, 'sign-in')).toEqual([]);
    await page.getByRole('button', { name: /Ida IT/ }).click();
    await page.getByRole('button', { name: '1', exact: true }).waitFor();
    expect(await seriousViolations(page, 'PIN keypad')).toEqual([]);
  });
});

describe.skipIf(skipBrowserTests)('accessibility: the keyboard and the screen reader', () => {
  const served = servedConsole();
  let page: Page;

  beforeAll(async () => {
    page = await served.browser.newPage({ viewport: VIEWPORT });
    await openConsole(page, served.serve.uiUrl);
    expect((await served.post(workflowStarted('60'))).status).toBe(200);
    expect((await served.post(ocrExecuted('60'))).status).toBe(200);
    expect((await served.post(feederEmptySuspended())).status).toBe(200);
    await page.getByRole('alert').filter({ hasText: 'Feeder empty' }).waitFor();
  });

  it('reaches every control by Tab, each with a visible focus', async () => {
    const pass = await keyboardPass(page);
    console.log(`[keyboard] ${pass.reached} stops; without a focus mark: ${pass.unmarked.join(', ') || 'none'}; unreachable: ${pass.unreachable.join(', ') || 'none'}`);
    expect(pass.reached).toBeGreaterThan(10);
    expect(pass.unmarked).toEqual([]);
    expect(pass.unreachable).toEqual([]);

    const resume = page.getByRole('button', { name: /Resume/ }).first();
    await resume.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const outline = await resume.evaluate((el) => {
      const style = getComputedStyle(el);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), focusVisible: el.matches(':focus-visible') };
    });
    expect(outline.focusVisible).toBe(true);
    expect(outline.style).not.toBe('none');
    expect(outline.width).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('keyboard-focus') });
  });

  for (const [screen, open] of [
    ['Reviews', (p: Page) => p.getByRole('tab', { name: /Reviews/ }).click()],
    ['Settings', (p: Page) => p.getByRole('button', { name: /Settings/ }).click()],
  ] as const) {
    it(`reaches every control of ${screen} by Tab, each with a visible focus`, async () => {
      await open(page);
      await page.waitForFunction(() => !document.querySelector('.muted')?.textContent?.startsWith('Loading'));
      const pass = await keyboardPass(page);
      expect(pass.unmarked).toEqual([]);
      expect(pass.unreachable).toEqual([]);
      // The live regions of this screen too stay quiet while nothing happens.
      expect(await liveRegionChanges(page, 2500)).toEqual([]);
    });
  }

  it("keeps Tab inside a job's detail and the reject dialog, reaching each of their controls", async () => {
    await page.getByRole('button', { name: /Close settings/ }).click();
    await page.getByRole('tab', { name: /Machines/ }).click();
    await page.locator('[role="row"][data-job-id="60"]').getByRole('button', { name: /^60/ }).click();
    const detail = page.getByRole('dialog', { name: 'Job 60' });
    await detail.getByText('OcrExecuted', { exact: true }).waitFor();
    const inDetail = await keyboardPass(page, '[role="dialog"]');
    expect(inDetail.unmarked).toEqual([]);
    expect(inDetail.unreachable).toEqual([]);
    expect(await page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });

    await page.getByRole('tab', { name: /Reviews/ }).click();
    await page.getByRole('article', { name: /OCR read/ }).getByRole('button', { name: /Reject/ }).click();
    const reject = page.getByRole('dialog');
    await reject.waitFor();
    const inReject = await keyboardPass(page, '[role="dialog"]');
    expect(inReject.unmarked).toEqual([]);
    expect(inReject.unreachable).toEqual([]);
    expect(await page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    await reject.waitFor({ state: 'detached' });
  });

  it('announces an open alert once: nothing in a live region changes while time passes', async () => {
    // The alert shows how long it has waited, every second: that must not be read out every second.
    expect(await liveRegionChanges(page, 3500)).toEqual([]);
  });
});

describe.skipIf(skipBrowserTests)('accessibility: training mode', () => {
  let browser: Browser;
  let serve: ServeProcess;

  beforeAll(async () => {
    serve = await startServe();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
  });

  it('the training screen', async () => {
    const page = await browser.newPage({ viewport: VIEWPORT });
    await openConsole(page, serve.uiUrl);
    await page.getByText('TRAINING MODE').waitFor();
    expect(await seriousViolations(page, 'training')).toEqual([]);
    await page.close();
  });
});
