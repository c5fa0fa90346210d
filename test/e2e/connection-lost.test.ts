import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openConsole, screenshotPath, skipBrowserTests } from '../helpers/browser';
import { startServe, type ServeProcess } from '../helpers/serve-process';

/**
 * A console that freezes (the OS stops it, its machine hangs) keeps its sockets open: nothing closes them, no error
 * arrives, and without a heartbeat the page would go on showing "connected" and the last alerts it had.
 */
describe.skipIf(skipBrowserTests)('a frozen console in Chromium', () => {
  let browser: Browser;
  let serve: ServeProcess;

  beforeAll(async () => {
    serve = await startServe();
    browser = await launchChromium();
  });

  afterAll(async () => {
    // A stopped process would hold its SIGTERM until continued.
    serve?.child.kill('SIGCONT');
    await browser?.close();
    await serve?.stop();
  });

  it('says "connection lost" within 10 s of the console freezing, and reads everything again when it is back', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    // Which calls the page makes, to see it read everything again after the outage.
    await page.addInitScript(() => {
      const w = window as unknown as { calls: string[] };
      w.calls = [];
      const send = WebSocket.prototype.send;
      WebSocket.prototype.send = function (this: WebSocket, data) {
        const method = typeof data === 'string' ? /"method":"(\w+)"/.exec(data)?.[1] : undefined;
        if (method) w.calls.push(method);
        send.call(this, data);
      };
    });
    await openConsole(page, serve.uiUrl);
    await page.getByText('TRAINING MODE').waitFor();
    const lost = page.getByRole('alert').filter({ hasText: 'Connection lost — alerts may be missing.' });
    expect(await lost.count()).toBe(0);
    const snapshotsBefore = await page.evaluate(() => (window as unknown as { calls: string[] }).calls.filter((c) => c === 'getSnapshot').length);

    expect(serve.child.kill('SIGSTOP')).toBe(true);
    const frozenAt = Date.now();
    await lost.waitFor({ timeout: 10_000 });
    expect(Date.now() - frozenAt).toBeLessThan(10_000);
    await page.screenshot({ path: screenshotPath('connection-lost') });

    serve.child.kill('SIGCONT');
    await lost.waitFor({ state: 'detached', timeout: 20_000 });
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { calls: string[] }).calls.filter((c) => c === 'getSnapshot').length), { timeout: 10_000 })
      .toBeGreaterThan(snapshotsBefore);
    // Back to normal: no banner about the connection, and the console's data on screen again.
    expect(await page.locator('.connection-banner').count()).toBe(0);
    await page.getByText('TRAINING MODE').waitFor();
    await page.getByText(/No jobs yet|jobs?, newest first/).first().waitFor();
    await page.screenshot({ path: screenshotPath('connection-back') });
    await page.close();
  });
});
