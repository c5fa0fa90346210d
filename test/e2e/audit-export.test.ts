import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/core/store/migrations';
import { fillAuditEvents, fillCommands } from '../helpers/audit-rows';
import { launchChromium, openConsole, screenshotPath, skipBrowserTests } from '../helpers/browser';
import { startServe, type ServeProcess } from '../helpers/serve-process';
import { databaseAt } from '../core/store/helpers';

/** More than the 100,000 rows the export once held in one string. */
const ROWS = 120_000;

describe.skipIf(skipBrowserTests)('serve mode in Chromium: a long audit trail is read page by page and exported whole', () => {
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const { db, dataDir } = databaseAt(Math.max(...MIGRATIONS.map((m) => m.version)));
    // Two days old: well within the console's retention, so nothing is archived while the test runs.
    const start = new Date(Date.now() - 2 * 86_400_000).toISOString();
    fillCommands(db, ROWS, 1, start);
    // And beside them 100,000 settings changes and refusals with 10,000 sign-ins.
    fillAuditEvents(db, 100_000, start);
    db.close();
    serve = await startServe([], dataDir);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    await openConsole(page, serve.uiUrl);
  });

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
  });

  it('shows the newest 50 commands, and 50 more on "Show more", and counts to 10,000+', async () => {
    await page.getByRole('tab', { name: /Audit/ }).click();
    // Past 10,000 the console stops counting.
    await page.getByText('10,000+ commands match').waitFor();
    await page.getByText('50 of 10,000+ commands shown').waitFor();
    await page.getByRole('button', { name: /Show more/ }).click();
    await page.getByText('100 of 10,000+ commands shown').waitFor();
    const ids = await page.locator('tr[data-command-id]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-command-id'))));
    expect(ids).toEqual(Array.from({ length: 100 }, (_, i) => ROWS - i));
    await page.screenshot({ path: screenshotPath('audit-paged') });
  });

  it('downloads the whole filtered trail as CSV, streamed by the console', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Export CSV/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^issuance-audit-.*\.csv$/);
    const lines = (await readFile(await download.path(), 'utf8')).split('\r\n');
    expect(lines[0]).toBe('id,createdAt,updatedAt,machineId,kind,state,actor,role,attempts,reviewId,payload,outcome,accountId,accountRole,station,signedIn');
    // Every command once, newest first, then the empty string after the last line's CRLF.
    expect(lines).toHaveLength(1 + ROWS + 1);
    expect(lines[1]?.startsWith(`${ROWS},`)).toBe(true);
    expect(lines.at(-2)?.startsWith('1,')).toBe(true);
    await page.getByText(`Download started: ${download.suggestedFilename()}`).waitFor();
  });

  it('downloads every sign-in, setting change and refusal the filters select, streamed the same way', async () => {
    const events = page.getByRole('region', { name: /Sign-ins, settings/ });
    await events.getByRole('combobox', { name: 'Which' }).selectOption('refused');
    await events.getByText('The newest 50 of 20000.').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), events.getByRole('button', { name: /Export these as CSV/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^issuance-audit-events-.*\.csv$/);
    const lines = (await readFile(await download.path(), 'utf8')).split('\r\n');
    expect(lines[0]).toBe('id,at,kind,actor,accountId,role,station,signedIn,method,subject,oldValue,newValue,detail,repeats,lastAt');
    expect(lines).toHaveLength(1 + 20_000 + 1);
    expect(lines.slice(1, 3).map((l) => l.split(',')[0])).toEqual(['e100000', 'e99995']);
    await events.getByText(`Download started: ${download.suggestedFilename()}`).waitFor();
    await events.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('audit-events-export') });

    await events.getByRole('combobox', { name: 'Which' }).selectOption('');
    const [all] = await Promise.all([page.waitForEvent('download'), events.getByRole('button', { name: /Export these as CSV/ }).click()]);
    expect((await readFile(await all.path(), 'utf8')).split('\r\n')).toHaveLength(1 + 110_000 + 1);
  });
});
