/**
 * The job queue at a million jobs (`npm run bench:ui`, after a build): serve mode on a filled store, the real UI in
 * Chromium at 1366x768, and each figure beside its baseline from the same run — the same event or query through the
 * ConsoleApi over the WebSocket, with no UI. Also the production view's (issue 15): 10,000 points drawn by uPlot
 * beside a bare canvas path, and the busiest shift report of the ten-machine line opened on screen beside reading it.
 * Prints a table with each target's PASS or FAIL, and checks that every acknowledged message was stored and its job
 * queued.
 *
 *   node scripts/bench-ui.mjs [--jobs 1000000] [--cache /tmp/bench-ui-store] [--smoke] [--json <file>] [--root <checkout>]
 *                            [--seconds N]
 *
 * The filled store is kept in the cache folder (filling a million jobs takes minutes) and copied for each run.
 * `--seconds N` runs each load N seconds (0: no load, only what posts no job).
 * `--root` measures another checkout's build (and fills with its core), to compare before and after a change.
 * `--smoke`: 20,000 jobs and a few seconds of each load, for CI (which checks only that nothing is lost or crashed).
 */
import console from 'node:console';
import { rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { chromium } from 'playwright-core';
import { PROBE_MACHINE, firstScreenByApi, queryTimes, webhookToEvent } from './bench-ui/api-phases.mjs';
import { searchCases } from './bench-ui/cases.mjs';
import { writeFloorConfig } from './bench-ui/floor.mjs';
import { checkStored } from './bench-ui/lost.mjs';
import { Poster } from './bench-ui/poster.mjs';
import { Figures, mb, ms, percentile } from './bench-ui/report.mjs';
import { connectApi, rssOf, startMachineApi, startServe } from './bench-ui/served.mjs';
import { busiestShiftReport, chartDraws, reportByApi, reportOnScreen } from './bench-ui/report-phases.mjs';
import { preparedStore } from './bench-ui/store-cache.mjs';
import { clearFilters, fling, lastRow, openConsolePage, pickMachine, rendererHeap, scrollWhile, searchOnScreen, webhookToPixel } from './bench-ui/ui-phases.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const SMOKE = process.argv.includes('--smoke');
const JOBS = Number(arg('--jobs', SMOKE ? '20000' : '1000000'));
const CACHE = resolve(arg('--cache', '/tmp/bench-ui-store'));
const JSON_OUT = arg('--json', undefined);
const ROOT = resolve(arg('--root', resolve(import.meta.dirname, '..')));
/** `--seconds N`: each load runs N seconds instead; 0 measures only what posts no job (paint, searches, scrolling, memory). */
const SECONDS = arg('--seconds', undefined);
const CHROMIUM = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';
/** Seconds of each load, and repeats of each search. */
const RUN = SMOKE
  ? { ack: 3, slow: 3, fast: 2, searchReps: 1, searchTimeoutMs: 5000, graceMs: 10_000 }
  : { ack: 20, slow: 20, fast: 15, searchReps: 5, searchTimeoutMs: 30_000, graceMs: 3000 };
if (SECONDS !== undefined) Object.assign(RUN, { ack: Number(SECONDS), slow: Number(SECONDS), fast: Number(SECONDS) });
const LOAD = RUN.ack > 0;

const log = (line) => console.log(line);
const p95 = (v) => percentile(v, 95);
const missing = (v) => v.filter((x) => x === undefined).length;
const under = (limit) => (v) => v !== undefined && v < limit;

const loadBefore = loadavg()[0].toFixed(2);
const { dataDir, manifest } = await preparedStore({ jobs: JOBS, cacheDir: CACHE, root: ROOT, log });
const configPath = join(dataDir, 'bench-config.json');
const machineApi = await startMachineApi();
writeFloorConfig(configPath, machineApi.url);
const figures = new Figures();
const summary = { jobs: JOBS, smoke: SMOKE, manifest, pageErrors: [], consoleAlive: false, answersAtEnd: false };
let served;
let browser;
const rss = [];
const poster = { current: undefined };
let finished = false;
try {
  let t = performance.now();
  served = await startServe({ dataDir, config: configPath, root: ROOT });
  log(`console started on the filled store in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const sampler = setInterval(() => rss.push(rssOf(served.pid)), 1000);
  const api = await connectApi(served.ui);
  // A store that has never been backed up gets its first copy a minute after start (a 6.7 GB VACUUM INTO in a worker
  // at a million jobs): measured apart, so that it does not fall into the figures below by chance.
  // The smoke measures nothing: there the copy may run alongside, as on a floor.
  if (!SMOKE) {
    t = performance.now();
    const backedUp = await firstBackup(api);
    log(`first backup of the store: ${backedUp} in ${((performance.now() - t) / 1000).toFixed(0)} s after start`);
  }
  poster.current = new Poster(served.webhook, Math.floor(Date.now() / 1000) % 100_000);
  const post = poster.current;
  const stopHeartbeat = post.heartbeat(10_000);

  log('baselines, no UI ...');
  const ackNoUi = LOAD ? (await post.steady(100, RUN.ack)).map((r) => r.ackMs) : [];
  const event10 = LOAD ? await webhookToEvent(api, post, 10, RUN.slow) : [];
  const event200 = LOAD ? await webhookToEvent(api, post, 200, RUN.fast) : [];
  const cases = searchCases(JOBS).filter((c) => !SMOKE || c.smoke);
  const baseline = [];
  for (const c of cases) baseline.push((await queryTimes(api, c.filter, SMOKE ? 3 : 20)).times);
  /** What a case must show: its first rows as the core answers them now (live jobs have joined since the baseline). */
  const wanted = async (c) => {
    const { rows } = await queryTimes(api, c.filter, 1);
    return rows.length === 0 ? { none: true } : { ids: rows.slice(0, 3).map((r) => r.jobId ?? r.key) };
  };
  const firstScreenApi = await firstScreenByApi(served.ui);

  log('the UI in Chromium ...');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  const ui = await openConsolePage(browser, served.ui);
  summary.pageErrors = ui.errors;
  const heaps = [await rendererHeap(ui.cdp)];
  figures.add('first paint (navigation to first job row)', ms(ui.firstPaintMs), `${ms(firstScreenApi)} (snapshot + page)`, '< 1 s', under(1000)(ui.firstPaintMs));

  if (LOAD) {
    const pixel10 = await webhookToPixel(ui.page, ui.offset, post, 10, RUN.slow, RUN.graceMs);
    summary.notOnScreenAt10 = missing(pixel10);
    const shown10 = `${ms(p95(pixel10))}${missing(pixel10) ? `, ${missing(pixel10)} never` : ''}`;
    figures.add(`webhook → pixel p95 at 10 msg/s (${pixel10.length} jobs)`, shown10, ms(p95(event10)), '< 50 ms', missing(pixel10) === 0 && under(50)(p95(pixel10)));
    await pickMachine(ui.page, PROBE_MACHINE.label);
    const pixel200 = await webhookToPixel(ui.page, ui.offset, post, 200, RUN.fast, RUN.graceMs);
    const shown200 = `${ms(p95(pixel200))}${missing(pixel200) ? `, ${missing(pixel200)} never` : ''}`;
    const name200 = `webhook → pixel p95 at 200 msg/s (${pixel200.length} jobs of ${PROBE_MACHINE.label}, filtered)`;
    figures.add(name200, shown200, ms(p95(event200)), '< 100 ms', missing(pixel200) === 0 && under(100)(p95(pixel200)));
    await clearFilters(ui.page);
  }
  heaps.push(await rendererHeap(ui.cdp));

  log('searches and filters ...');
  for (const [i, c] of cases.entries()) {
    const times = [];
    for (let rep = 0; rep < RUN.searchReps; rep++) {
      const took = await searchOnScreen(ui.page, c, await wanted(c), RUN.searchTimeoutMs);
      times.push(took);
      if (took === undefined || took > 5000) break;
    }
    const shown = times.includes(undefined) ? `over ${RUN.searchTimeoutMs / 1000} s` : `${ms(p95(times))} (n=${times.length})`;
    figures.add(`${c.name}: on screen after the last key, p95`, shown, ms(p95(baseline[i])), '< 200 ms', !times.includes(undefined) && under(200)(p95(times)));
  }
  heaps.push(await rendererHeap(ui.cdp));

  log('a fling, and the last row ...');
  const flung = await fling(ui.page);
  figures.add(`one-second fling of ${flung.rowsMoved.toLocaleString('en')} rows: frames over 50 ms (of ${flung.frames}, longest ${ms(flung.longest)})`, String(flung.over50), '', 'none', flung.over50 === 0);
  figures.add('one-second fling: rows filled after scrolling stops', flung.filledMs === undefined ? 'not within 20 s' : ms(flung.filledMs), '', '< 200 ms', under(200)(flung.filledMs));
  const bottom = await lastRow(ui.page, manifest.oldestJobId);
  const { lastIndex, rowCount, lastId } = bottom.screen;
  const bottomText = bottom.how ?? `no: the bottom shows row ${lastIndex - 1} of ${rowCount - 1}, ${lastId ?? 'still loading'}`;
  figures.add(`last row (${manifest.oldestJobId}) reachable`, bottomText, '', 'yes', bottom.how !== undefined);
  heaps.push(await rendererHeap(ui.cdp));

  log('charts, and the shift report ...');
  const draws = await chartDraws(browser, ROOT, SMOKE ? 10 : 60);
  figures.add('uPlot: 10,000 points drawn, p95 (baseline: one bare canvas path)', ms(p95(draws.withUplot)), ms(p95(draws.bare)), '< 50 ms', under(50)(p95(draws.withUplot)));
  const busiest = await busiestShiftReport(api);
  if (busiest === undefined) figures.add('shift report of the line on screen', 'no shift report made', '', '< 1 s', false);
  else {
    const byApi = await reportByApi(api, busiest.id, SMOKE ? 2 : 5);
    const onScreen = await reportOnScreen(ui.page, busiest.id, SMOKE ? 1 : 3);
    const name = `shift report "${busiest.shiftName}" (${busiest.total.started.toLocaleString('en')} jobs, ten machines) on screen, slowest of ${onScreen.length}`;
    figures.add(name, ms(Math.max(...onScreen)), `${ms(p95(byApi))} (read)`, '< 1 s', under(1000)(Math.max(...onScreen)));
  }
  heaps.push(await rendererHeap(ui.cdp));

  if (LOAD) {
    log('acknowledgements while the UI is open and scrolling ...');
    const ackUi = (await scrollWhile(ui.page, post.steady(100, RUN.ack))).map((r) => r.ackMs);
    figures.add('acknowledgement p99 at 100 msg/s, UI open and scrolling', ms(percentile(ackUi, 99)), ms(percentile(ackNoUi, 99)), '< 10 ms', under(10)(percentile(ackUi, 99)));
    heaps.push(await rendererHeap(ui.cdp));
  }
  clearInterval(sampler);
  stopHeartbeat();
  const rssMax = Math.max(...rss.filter((x) => x !== undefined));
  figures.add('console RSS, most during the run', mb(rssMax), '', '< 300 MB', rssMax < 300 * 1024 * 1024);
  const heapMax = Math.max(...heaps.filter((x) => x !== undefined));
  figures.add('renderer JS heap, most sampled', mb(heapMax), '', '< 150 MB', heapMax < 150 * 1024 * 1024);

  summary.consoleAlive = served.alive();
  summary.answersAtEnd = (await api.call('listJobs', { groupCancelled: true, offset: 0, limit: 1 })).ok === true;
  api.close();
  finished = true;
} finally {
  await browser?.close();
  const stopped = await served?.stop();
  summary.exit = stopped;
  poster.current?.close();
  await machineApi.close();
  if (!finished) rmSync(dataDir, { recursive: true, force: true });
}

summary.stored = await checkStored(dataDir, poster.current.posted, ROOT);
const s = summary.stored;
console.log(`\n${figures.text()}\n`);
console.log(`Store: ${JOBS.toLocaleString('en')} jobs filled, ${mb(manifest.bytes)} on disk, ${Math.round(manifest.bytesPerJob).toLocaleString('en')} bytes per job.`);
console.log(
  `Posted ${s.posted.toLocaleString('en')} messages: ${s.acknowledged.toLocaleString('en')} acknowledged, ${s.refused} refused, ${s.unanswered} unanswered ` +
    `(${s.retried} sent again after a closed connection); ` +
    `${s.lost.length} acknowledged but not stored, ${s.notQueued.length} not on the queue. Page errors: ${summary.pageErrors.length}. ` +
    `Console ${summary.consoleAlive && summary.answersAtEnd ? 'answered to the end' : 'did NOT answer to the end'}.`,
);
if (figures.missed().length) console.log(`Over target: ${figures.missed().join('; ')}.`);
console.log(`Load average (1 min) before ${loadBefore}, after ${loadavg()[0].toFixed(2)}.`);
summary.figures = figures.toJSON();
if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify(summary, null, 2));
rmSync(dataDir, { recursive: true, force: true });
if (s.lost.length || s.notQueued.length || s.refused || s.unanswered || !summary.consoleAlive || summary.pageErrors.length) process.exitCode = 1;

/** Waits for the console's first backup (made a minute after start when none exists) to be written and checked. */
async function firstBackup(api) {
  for (;;) {
    const status = await api.call('getBackupStatus', {});
    const last = status.ok ? status.value.last : undefined;
    if (status.ok && !status.value.running && last && last.result !== 'running') return `${last.result}, ${((last.bytes ?? 0) / 1e6).toFixed(0)} MB`;
    await new Promise((r) => setTimeout(r, 2000));
  }
}
