/* global window, document, getComputedStyle, requestAnimationFrame -- the functions handed to page.evaluate run in the page */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { isProbe, probeLoad } from './api-phases.mjs';
import { installProbe } from './in-page.mjs';
import { epochNow } from './poster.mjs';

const jobsTable = (page) => page.getByRole('table', { name: 'Jobs' });
const filters = (page) => page.getByRole('search', { name: 'Find jobs' });

/**
 * Opens the console at 1366x768 as an operator's panel shows it. Resolves with the page, the time from the start of
 * the navigation until the first job row was on screen, and the errors the page throws (collected from then on).
 */
export async function openConsolePage(browser, uiUrl) {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const errors = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await page.addInitScript(installProbe);
  const sentAt = epochNow();
  await page.goto(uiUrl);
  await page.waitForFunction(() => window.__bench.firstRowAt !== undefined, undefined, { timeout: 120_000, polling: 50 });
  // The queue stands below the machines: the page is scrolled to it, as an operator watching jobs has it.
  await jobsTable(page).evaluate((t) => t.closest('section')?.scrollIntoView({ block: 'start' }));
  const offset = await clockOffset(page);
  const { firstRowAt, fcp } = await page.evaluate(() => ({
    firstRowAt: window.__bench.firstRowAt,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
  }));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return { page, cdp, errors, offset, firstPaintMs: firstRowAt - offset - sentAt, fcpMs: fcp };
}

/** The page's clock minus this process's, from the round trip with the least delay. */
export async function clockOffset(page) {
  let best;
  for (let i = 0; i < 15; i++) {
    const t0 = epochNow();
    const there = await page.evaluate(() => window.__bench.now());
    const t1 = epochNow();
    if (!best || t1 - t0 < best.rtt) best = { rtt: t1 - t0, offset: there - (t0 + t1) / 2 };
  }
  return best.offset;
}

/** The renderer's JS heap in use (CDP Performance.getMetrics). */
export async function rendererHeap(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
}

/**
 * Waits until the rows on screen are all filled (their page arrived) and the list stood still for a moment. Returns
 * false when that did not happen within `timeoutMs` (the figures then say so; the run goes on).
 */
async function settled(page, timeoutMs = 30_000) {
  return page
    .waitForFunction(() => {
      const s = window.__bench.screen();
      return s.unfilled === 0 && (s.rows > 0 || /no job/i.test(s.status)) && window.__bench.now() - window.__bench.lastMoveAt > 200;
    }, undefined, { timeout: timeoutMs, polling: 'raf' })
    .then(() => true, () => false);
}

export async function clearFilters(page) {
  const clear = filters(page).getByRole('button', { name: /Clear filters/ });
  if (await clear.isEnabled()) await clear.click();
  await settled(page);
}

export async function pickMachine(page, label) {
  await filters(page).getByLabel('Machine', { exact: true }).selectOption({ label });
  await settled(page);
}

/**
 * Webhook to pixel: from each watched POST until the first frame in which its job's row is on screen. Returns the
 * latencies (undefined: not on screen within `graceMs` after the load).
 */
export async function webhookToPixel(page, offset, poster, rate, seconds, graceMs = 3000) {
  await page.evaluate(() => {
    window.__bench.seen.clear();
    window.__bench.seeing = true;
  });
  const probe = isProbe(rate);
  const records = (await poster.steady(rate, seconds, probeLoad(poster, rate))).filter(probe);
  const ids = records.map((r) => r.jobId);
  const deadline = performance.now() + graceMs;
  let seen = {};
  do {
    await sleep(100);
    seen = await page.evaluate((wanted) => {
      const { seen: shown } = window.__bench;
      return Object.fromEntries(wanted.filter((id) => shown.has(id)).map((id) => [id, shown.get(id)]));
    }, ids);
  } while (Object.keys(seen).length < ids.length && performance.now() < deadline);
  await page.evaluate(() => (window.__bench.seeing = false));
  return records.map((r) => (seen[r.jobId] === undefined ? undefined : seen[r.jobId] - offset - r.sentAt));
}

/**
 * One search or filter as the operator makes it: keys typed into the labelled field (a key every 60 ms) or a choice
 * in the labelled list. Returns the time from the last key or choice until the expected rows were on screen, or
 * undefined after `timeoutMs`.
 */
export async function searchOnScreen(page, c, expected, timeoutMs) {
  await clearFilters(page);
  const form = filters(page);
  const inputs = c.type ? c.type.text.length : 1;
  const waiting = page.evaluate(({ wanted, timeoutMs }) => window.__bench.waitFor(wanted, timeoutMs), { wanted: { ...expected, inputs }, timeoutMs });
  if (c.type) await form.getByLabel(c.type.field, { exact: true }).pressSequentially(c.type.text, { delay: 60 });
  else await form.getByLabel(c.pick.field, { exact: true }).selectOption(c.pick.label ? { label: c.pick.label } : c.pick.value);
  const { at, lastInputAt } = await waiting;
  return at === undefined ? undefined : at - lastInputAt;
}

/** Where the pointer stands to scroll the queue: the middle of its rows. */
async function overRows(page) {
  const box = await jobsTable(page).boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height, 768 - box.y) / 2);
}

/**
 * A one-second fling down the queue with the mouse wheel. Returns the frames over 50 ms from its start until the rows
 * were filled, the longest frame, and how long after scrolling stopped the rows on screen were all filled.
 */
export async function fling(page) {
  await clearFilters(page);
  await overRows(page);
  await page.evaluate(() => window.__bench.startFrames());
  const end = performance.now() + 1000;
  while (performance.now() < end) {
    await page.mouse.wheel(0, 800);
    await sleep(16);
  }
  return page.evaluate(() => window.__bench.settle(300, 20_000));
}

/**
 * Whether the last row of the whole queue can be reached: the End key in the focused list, then, if that did not get
 * there, the list's scroll bar pulled to its end. Returns how, and what the bottom of the screen shows.
 */
export async function lastRow(page, oldestJobId) {
  const reached = (s) => s.lastIndex === s.rowCount && s.lastId === oldestJobId;
  const table = jobsTable(page);
  const scroller = table.locator('[tabindex="0"]').first();
  if ((await scroller.count()) > 0) await scroller.focus();
  await page.keyboard.press('End');
  await sleep(300);
  await settled(page, 10_000);
  let s = await page.evaluate(() => window.__bench.screen());
  if (reached(s)) return backToTop(page, { how: 'End key', screen: s });
  await page.evaluate(() => {
    const t = document.querySelector('[role="table"][aria-label="Jobs"]');
    const el = [t, ...t.querySelectorAll('*')].find((e) => e.scrollHeight > e.clientHeight + 10 && /auto|scroll/.test(getComputedStyle(e).overflowY));
    if (el) el.scrollTop = el.scrollHeight;
    return new Promise((done) => requestAnimationFrame(() => done()));
  });
  await sleep(300);
  await settled(page, 10_000);
  s = await page.evaluate(() => window.__bench.screen());
  return backToTop(page, { how: reached(s) ? 'scroll bar to the end' : undefined, screen: s });
}

/** The list back at its top (Home in the focused list), where the next phase expects it; passes `result` on. */
async function backToTop(page, result) {
  await page.keyboard.press('Home');
  await page.evaluate(() => {
    const t = document.querySelector('[role="table"][aria-label="Jobs"]');
    for (const e of [t, ...t.querySelectorAll('*')]) if (e.scrollTop > 0) e.scrollTop = 0;
  });
  await settled(page);
  return result;
}

/** Scrolls the queue up and down a few rows at a time, as someone reading it, until `until` settles. */
export async function scrollWhile(page, until) {
  await clearFilters(page);
  await overRows(page);
  let done = false;
  const finished = until.finally(() => (done = true));
  for (let i = 0; !done; i++) {
    await page.mouse.wheel(0, i % 40 < 20 ? 230 : -230);
    await sleep(100);
  }
  return finished;
}
