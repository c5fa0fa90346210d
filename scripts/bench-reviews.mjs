/**
 * The Reviews view under one huge OCR message (`npm run bench:reviews`, after a build): a console in serve mode gets
 * an OcrExecuted message with 30,000 results, then Chromium opens the Reviews view. Prints the time from the click on
 * the tab until the review card is on screen, the DOM nodes and the JS heap after it. `--root <dir>` measures another
 * build of the console (a checkout with its own `out/`), to compare before and after a change.
 */
/* global document, requestAnimationFrame -- the functions handed to page.evaluate run in the page */
import { spawn } from 'node:child_process';
import console from 'node:console';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import process from 'node:process';
import { clearTimeout, setTimeout } from 'node:timers';
import { chromium } from 'playwright-core';

const RESULTS = 30_000;
const argRoot = process.argv.indexOf('--root');
const ROOT = argRoot > 0 ? resolve(process.argv[argRoot + 1]) : resolve(import.meta.dirname, '..');
const CHROMIUM = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';

/** 30,000 results in under 1 MiB (the listener's limit): short texts, one-digit confidences, some below 0.8. */
function hugeOcr() {
  const results = Array.from({ length: RESULTS }, (_, i) => ({ Text: String.fromCharCode(65 + (i % 26)), MeanConfidence: i % 7 === 0 ? 0.6 : 0.9 }));
  return {
    MessageType: 'OcrExecuted',
    MessageId: 'bench-reviews-1',
    MachineName: 'AIDA-01',
    JobId: '4711',
    CorrelationId: 'CORR-4711',
    WorkflowInstanceId: 'wf-4711',
    JobStatus: 'Suspended',
    ErrorCode: 'NoErrors',
    Results: results,
  };
}

function startConsole() {
  const dir = mkdtempSync(join(tmpdir(), 'ic-bench-reviews-'));
  const args = [join(ROOT, 'out/main/serve.js'), '--data-dir', dir, '--webhook-port', '0', '--ui-port', '0'];
  // Its per-user config beside its data: a bench never reads the settings a person chose on this computer.
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, XDG_CONFIG_HOME: `${dir}-config`, APPDATA: `${dir}-config` } });
  let output = '';
  const collect = (chunk) => (output += chunk.toString());
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise((done) => child.once('exit', done));
  return new Promise((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`the console did not start:\n${output}`)), 20_000);
    const check = () => {
      const webhook = /Webhook URL: (\S+)/.exec(output)?.[1];
      const ui = /UI URL: (\S+)/.exec(output)?.[1];
      if (!webhook || !ui) return;
      clearTimeout(timer);
      child.stdout.off('data', check);
      ready({
        webhook,
        ui,
        async stop() {
          if (child.exitCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    };
    child.stdout.on('data', check);
  });
}

const served = await startConsole();
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info', '--js-flags=--expose-gc'],
});
try {
  const body = JSON.stringify(hugeOcr());
  const answer = await fetch(served.webhook, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
  if (!answer.ok) throw new Error(`the message was refused: HTTP ${answer.status} ${await answer.text()}`);

  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const loadStart = Date.now();
  await page.goto(served.ui);
  // The Reviews tab counts what waits: once it says 1, the snapshot with the review has arrived.
  const tab = page.getByRole('tab', { name: /Reviews/ });
  await tab.filter({ hasText: '1' }).waitFor({ timeout: 120_000 });
  const loadMs = Date.now() - loadStart;

  const renderMs = await page.evaluate(async () => {
    const target = [...document.querySelectorAll('[role="tab"]')].find((t) => t.textContent?.includes('Reviews'));
    const started = performance.now();
    target.click();
    await new Promise((done) => {
      const check = () => (document.querySelector('article.review button.btn-go') ? requestAnimationFrame(() => setTimeout(done)) : setTimeout(check, 5));
      check();
    });
    return performance.now() - started;
  });
  const figures = await page.evaluate(() => {
    globalThis.gc?.();
    return { nodes: document.getElementsByTagName('*').length, heap: performance.memory?.usedJSHeapSize };
  });
  const mb = (bytes) => (bytes === undefined ? 'n/a' : `${(bytes / 1024 / 1024).toFixed(0)} MB`);
  console.log(`message: ${RESULTS.toLocaleString('en')} results, ${body.length.toLocaleString('en')} bytes (${ROOT})`);
  console.log(`page load until the review is known: ${loadMs} ms`);
  console.log(`Reviews view, click to card on screen: ${renderMs.toFixed(0)} ms`);
  console.log(`DOM nodes: ${figures.nodes.toLocaleString('en')}; JS heap after GC: ${mb(figures.heap)}`);
} finally {
  await browser.close();
  await served.stop();
}
