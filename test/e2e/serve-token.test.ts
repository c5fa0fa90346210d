import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, openConsole, skipBrowserTests } from '../helpers/browser';
import { startServe, type ServeProcess } from '../helpers/serve-process';

/** Every address a Chromium profile's history holds, as its History database records them. */
function historyOf(profile: string): string[] {
  const db = new Database(join(profile, 'Default/History'), { readonly: true });
  try {
    return db.prepare<[], { url: string }>('SELECT url FROM urls').all().map((r) => r.url);
  } finally {
    db.close();
  }
}

describe.skipIf(skipBrowserTests)('serve mode in Chromium: the access token is never left in the browser', () => {
  let serve: ServeProcess;

  beforeAll(async () => {
    serve = await startServe();
  });

  afterAll(async () => {
    await serve?.stop();
  });

  it('opens the printed address, works on the session cookie, and leaves the token nowhere the browser keeps', async () => {
    // Wherever the printed address carries it.
    const printed = new URL(serve.uiUrl);
    const token = decodeURIComponent(printed.password) || (printed.searchParams.get('token') ?? '');
    expect(token.length).toBeGreaterThan(20);
    // A profile on disk, as an operator's browser has: its history database is what a later user of the PC reads.
    const profile = mkdtempSync(join(tmpdir(), 'ic-e2e-profile-'));
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await openConsole(page, serve.uiUrl);
      expect(page.url()).toBe(`http://${new URL(serve.uiUrl).host}/`);
      // The session cookie is HttpOnly: nothing the page runs can read it, nor the token.
      expect(await page.evaluate(() => document.cookie)).toBe('');
      expect(await page.evaluate(() => JSON.stringify({ ...sessionStorage, ...localStorage }))).not.toContain(token);
      const cookies = await context.cookies();
      expect(cookies.map((c) => [c.httpOnly, c.sameSite])).toEqual([[true, 'Strict']]);
      expect(cookies[0]?.value).not.toContain(token);
      // The API answers over the cookie: the job list loads.
      await page.getByText(/No jobs yet|jobs?, newest first/).first().waitFor();
    } finally {
      await context.close();
    }
    const history = historyOf(profile);
    expect(history.length).toBeGreaterThan(0);
    expect(history.filter((url) => url.includes(token))).toEqual([]);
  });
});
