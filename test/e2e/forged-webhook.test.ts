import { createServer, type Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workflowStarted } from '../fixtures/aida';
import { launchChromium, skipBrowserTests } from '../helpers/browser';
import { startTestConsole, testConfig, type TestConsole } from '../helpers/core';

/**
 * The attack, as the operator would meet it: a web page opened on the console's computer (or anywhere on the floor's
 * LAN) posts forged webhooks to the listener with the means every page has — a plain form, a `no-cors` fetch, a beacon
 * — none of which needs the listener's consent. Chromium, not a script imitating it, sends them.
 */
describe.skipIf(skipBrowserTests)('a web page that forges webhooks, in Chromium', () => {
  let browser: Browser;
  let core: TestConsole;
  let page: Server;
  let pageUrl: string;

  beforeAll(async () => {
    core = await startTestConsole(testConfig({ machines: [{ id: 'm1', apiUrl: 'http://127.0.0.1:9', kind: 'box' }] }));
    const target = `http://127.0.0.1:${new URL(core.webhookUrl).port}/ixla/aida/v1/webhooks`;
    const forged = (id: string) => JSON.stringify(JSON.stringify(workflowStarted(id)));
    const html = `<!doctype html><meta charset="utf-8"><title>Cat pictures</title>
      <form id="f" method="POST" action="${target}" enctype="text/plain" target="sink">
        <input name='${JSON.stringify(workflowStarted('by-form')).slice(0, -1)},"x":"' value='"}'>
      </form>
      <iframe name="sink"></iframe>
      <script>
        fetch(${JSON.stringify(target)}, { method: 'POST', mode: 'no-cors', body: ${forged('by-fetch')} }).catch(() => {});
        navigator.sendBeacon(${JSON.stringify(target)}, ${forged('by-beacon')});
        document.getElementById('f').submit();
      </script>`;
    page = createServer((_req, res) => {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(html);
    });
    await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
    const address = page.address();
    pageUrl = `http://localhost:${typeof address === 'object' && address ? address.port : 0}/`;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (page ? page.close(() => resolve()) : resolve()));
    await core?.stop();
  });

  it('gets each of its posts refused with 403 and recorded; none reaches the job queue', async () => {
    const tab = await browser.newPage();
    await tab.goto(pageUrl);
    const deadline = Date.now() + 10_000;
    let rows: { httpStatus: number; reason?: string | undefined; body: string }[] = [];
    while (Date.now() < deadline) {
      const listed = await core.handlers.listDeliveries({ offset: 0, limit: 10 });
      rows = listed.ok ? listed.value.rows : [];
      if (rows.length >= 3) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(rows.map((r) => r.body.match(/by-(form|fetch|beacon)/)?.[0]).sort()).toEqual(['by-beacon', 'by-fetch', 'by-form']);
    for (const row of rows) {
      expect(row.httpStatus).toBe(403);
      expect(row.reason).toMatch(/^sent by a web browser \(Origin: http:\/\/localhost:\d+\): a web page cannot deliver webhooks$/);
    }
    // A real delivery after them is applied; theirs never were.
    expect((await core.post(workflowStarted('real'))).status).toBe(200);
    const jobs = await core.handlers.listJobs({ offset: 0, limit: 10 });
    expect(jobs.ok && jobs.value.rows.map((j) => j.jobId)).toEqual(['real']);
  });
});
