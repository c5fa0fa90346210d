import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feederEmptySuspended, pascalMessage, seedFeederEmpty, workflowStarted } from '../fixtures/aida';
import { tempDir } from '../helpers/core';
import { launchChromium, openConsole, screenshotPath, skipBrowserTests } from '../helpers/browser';
import { startFakeAida, type FakeAida } from '../helpers/fake-aida';
import { servedConsole } from '../helpers/served-console';
import { startServe, type ServeProcess } from '../helpers/serve-process';

const PANEL = { width: 1366, height: 768 };
const THEMES = ['grey', 'high-contrast', 'dark'] as const;
type Lang = 'en' | 'de';
/** What the checks below find by name, as each language writes it. */
const WORDS = {
  en: { views: 'Views', feederEmpty: /Feeder empty/, resume: 'Resume', whatToDo: 'What to do:' },
  de: { views: 'Ansichten', feederEmpty: /Kartenzufuhr leer/, resume: 'Fortsetzen', whatToDo: 'Was tun:' },
} as const;

/** Whether the element is drawn whole inside the window, without scrolling. */
async function inView(page: Page, what: Locator): Promise<boolean> {
  const box = await what.boundingBox();
  const view = page.viewportSize();
  if (!box || !view) return false;
  return box.y >= 0 && box.x >= 0 && box.y + box.height <= view.height && box.x + box.width <= view.width;
}

/** Find job keeps a box a scanned batch number shows in, whatever the header's other words take. */
async function findJobHasRoom(page: Page, where: string): Promise<void> {
  const box = await page.locator('.find-job input').boundingBox();
  expect(box?.width ?? 0, `Find job's box (${where})`).toBeGreaterThanOrEqual(210);
}

/** Sets the station's language the way a person does: Settings, the language's own name, close. */
async function stationLanguage(page: Page, name: 'English' | 'Deutsch'): Promise<void> {
  await page.getByRole('button', { name: /^(⚙ )?(Settings|Einstellungen)$/ }).click();
  await page.getByRole('group', { name: 'language' }).getByRole('button', { name }).click();
  await page.getByRole('group', { name: 'language' }).getByRole('button', { name, pressed: true }).waitFor();
  await page.getByRole('button', { name: /Close settings|Einstellungen schließen/ }).click();
  // The whole page follows at once: the navigation reads in the chosen language.
  await page.getByRole('tab', { name: name === 'Deutsch' ? /Maschinen & Aufträge/ : /Machines & jobs/ }).waitFor();
}

/**
 * One screenshot per theme and language at the panel's size and at full HD, named
 * `alarm-band-<what>-<theme>-<lang>-<width>`. `onPanel` checks each theme and language at the panel's size.
 */
async function screenshots(page: Page, what: string, onPanel?: (lang: Lang) => Promise<void>): Promise<void> {
  for (const [lang, name] of [['en', 'English'], ['de', 'Deutsch']] as const) {
    await stationLanguage(page, name);
    for (const theme of THEMES) {
      await page.evaluate((t) => (document.documentElement.dataset['theme'] = t), theme);
      for (const size of [PANEL, { width: 1920, height: 1080 }]) {
        await page.setViewportSize(size);
        if (size === PANEL) await onPanel?.(lang);
        await page.screenshot({ path: screenshotPath(`alarm-band-${what}-${theme}-${lang}-${size.width}`) });
      }
    }
  }
  await stationLanguage(page, 'English');
  await page.evaluate(() => (document.documentElement.dataset['theme'] = 'grey'));
  await page.setViewportSize(PANEL);
}

describe.skipIf(skipBrowserTests)('serve mode in Chromium: the alarm band on a 1366×768 panel', () => {
  const served = servedConsole();
  let page: Page;
  const post = async (body: unknown) => expect((await served.post(body)).status).toBe(200);
  const firstJob = () => page.getByRole('region', { name: /^(Jobs|Aufträge)$/ }).locator('[role="row"][data-job-id="42"]');

  /** A panel's first screen in either language: the navigation, the alert's Resume and "What to do", the first job. */
  async function firstScreenHolds(lang: Lang): Promise<void> {
    const words = WORDS[lang];
    const alert = page.getByRole('alert', { name: words.feederEmpty });
    const theme = await page.evaluate(() => document.documentElement.dataset['theme']);
    const where = `${lang}, ${theme}`;
    expect(await inView(page, page.getByRole('tablist', { name: words.views })), `navigation (${where})`).toBe(true);
    expect(await inView(page, alert.getByRole('button', { name: words.resume })), `Resume (${where})`).toBe(true);
    expect(await inView(page, alert.getByText(words.whatToDo)), `What to do (${where})`).toBe(true);
    expect(await inView(page, firstJob()), `first job row (${where})`).toBe(true);
    await findJobHasRoom(page, where);
  }

  beforeAll(async () => {
    page = await served.browser.newPage({ viewport: PANEL });
    await openConsole(page, served.serve.uiUrl);
  });

  it('with one suspension open, shows the navigation, Resume and the first rows of the queue without scrolling', async () => {
    for (const id of ['40', '41', '42']) await post(workflowStarted(id));
    await post(seedFeederEmpty());
    const resume = page.getByRole('alert', { name: /Feeder empty/ }).getByRole('button', { name: 'Resume' });
    await resume.waitFor();
    // The shift's first touch: sound on (the browser keeps a page silent until a person has pressed something).
    await page.getByRole('button', { name: 'Turn on sound' }).click();
    await firstJob().waitFor();
    await page.screenshot({ path: screenshotPath('alarm-band-one-suspension') });
    await firstScreenHolds('en');
    // German words run longer (the alert's title, its buttons, the header, the navigation): the first screen holds in
    // both languages and every theme.
    await screenshots(page, 'one-suspension', firstScreenHolds);
  });
});

const LINE_2 = { MachineName: 'AIDA-02', MachineSerial: 'SN-2002', HostName: 'aida-02.local' };
const LINE_3 = { MachineName: 'AIDA-03', MachineSerial: 'SN-3003', HostName: 'aida-03.local' };

describe.skipIf(skipBrowserTests)('serve mode in Chromium: three open alerts on three lines', () => {
  let browser: Browser;
  let aida: FakeAida;
  let serve: ServeProcess;
  let page: Page;
  const post = async (body: unknown) =>
    expect((await fetch(serve.webhookUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })).status).toBe(200);

  beforeAll(async () => {
    aida = await startFakeAida();
    const config = join(tempDir('ic-e2e-band-'), 'console.json');
    const line = (n: number, kind: string) => ({ id: `line-${n}`, label: `AIDA line ${n}`, apiUrl: aida.url, kind, serial: `SN-${n}00${n}` });
    writeFileSync(config, JSON.stringify({ machines: [line(1, 'box'), line(2, 'box'), line(3, 'desktop')] }));
    serve = await startServe(['--config', config, '--webhook-host', '127.0.0.1']);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: PANEL });
    await openConsole(page, serve.uiUrl);
  });

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    await aida?.close();
  });

  it('keeps the band to a third of the screen: the navigation and Resume stay in view, the band scrolls inside itself', async () => {
    await post(feederEmptySuspended());
    await post({ ...pascalMessage('WorkflowSchedulerStopped', { ErrorCode: 'CardJam', StopReason: 'CardJam' }), ...LINE_2 });
    const reused = workflowStarted('70', LINE_3);
    await post(reused);
    await post({ ...workflowStarted('71', LINE_3), MessageId: reused['MessageId'] });
    await expect.poll(() => page.locator('.alarm-row').count()).toBe(3);
    const resume = page.getByRole('alert', { name: /Feeder empty/ }).getByRole('button', { name: 'Resume' });
    await page.screenshot({ path: screenshotPath('alarm-band-three-alerts') });
    const band = await page.locator('.alarm-band').boundingBox();
    expect(band && band.height <= PANEL.height * 0.36).toBe(true);
    expect(await inView(page, page.getByRole('tablist', { name: 'Views' }))).toBe(true);
    await resume.scrollIntoViewIfNeeded();
    expect(await inView(page, resume)).toBe(true);
    expect(await inView(page, page.getByRole('tablist', { name: 'Views' }))).toBe(true);
    // Sound is still off here: the header offers to turn it on, and Find job still has its room.
    await page.getByRole('button', { name: /Turn on sound/ }).waitFor();
    await screenshots(page, 'three-alerts', (lang) => findJobHasRoom(page, lang));

    // The alert history opens with the alarm figures against the ISA-18.2 targets.
    await page.getByRole('tab', { name: 'Alert history' }).click();
    await page.getByRole('region', { name: /Alarm figures/ }).getByText('Alerts per hour').waitFor();
    await screenshots(page, 'history-kpis');
  });
});
