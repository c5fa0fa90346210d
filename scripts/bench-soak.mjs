/**
 * A long shift (`npm run bench:soak`, after a build; run it by hand in the background): serve mode on the filled
 * store of `bench:ui`, the UI open in Chromium on the queue, and webhooks at a steady 100 msg/s for `--minutes` (30).
 * Samples the console's RSS every 10 s and prints its growth over the last 20 minutes (two thirds of a shorter run),
 * the acknowledgement p99, and whether every acknowledged message was stored once with its job queued.
 *
 *   node scripts/bench-soak.mjs [--minutes 30] [--jobs 1000000] [--cache /tmp/bench-ui-store] [--root <checkout>]
 */
import console from 'node:console';
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { chromium } from 'playwright-core';
import { writeFloorConfig } from './bench-ui/floor.mjs';
import { checkStored } from './bench-ui/lost.mjs';
import { Poster } from './bench-ui/poster.mjs';
import { mb, ms, percentile } from './bench-ui/report.mjs';
import { rssOf, startMachineApi, startServe } from './bench-ui/served.mjs';
import { preparedStore } from './bench-ui/store-cache.mjs';
import { openConsolePage, rendererHeap } from './bench-ui/ui-phases.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const MINUTES = Number(arg('--minutes', '30'));
const JOBS = Number(arg('--jobs', '1000000'));
const CACHE = resolve(arg('--cache', '/tmp/bench-ui-store'));
const ROOT = resolve(arg('--root', resolve(import.meta.dirname, '..')));
const CHROMIUM = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';
const RATE = 100;
const SAMPLE_S = 10;
/** The window the growth is measured over: the last 20 minutes, or the last two thirds of a shorter run. */
const WINDOW_S = Math.min(20 * 60, (MINUTES * 60 * 2) / 3);

const log = (line) => console.log(line);
const { dataDir } = await preparedStore({ jobs: JOBS, cacheDir: CACHE, root: ROOT, log });
const configPath = join(dataDir, 'bench-config.json');
const machineApi = await startMachineApi();
writeFloorConfig(configPath, machineApi.url);
const samples = [];
/** Per minute: the acknowledgement p99 and the 1-minute load average. */
const minutes = [];
let minuteFrom = 0;
let served;
let browser;
let poster;
let alive = false;
let pageErrors = [];
try {
  served = await startServe({ dataDir, config: configPath, root: ROOT });
  poster = new Poster(served.webhook, Math.floor(Date.now() / 1000) % 100_000);
  const stopHeartbeat = poster.heartbeat(10_000);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  const ui = await openConsolePage(browser, served.ui);
  pageErrors = ui.errors;
  log(`soaking for ${MINUTES} min at ${RATE} msg/s with the UI open; RSS every ${SAMPLE_S} s ...`);
  const started = performance.now();
  const sample = async () => {
    const at = (performance.now() - started) / 1000;
    samples.push({ at, rss: rssOf(served.pid), heap: await rendererHeap(ui.cdp).catch(() => undefined) });
    const last = samples.at(-1);
    if (Math.round(at) % 60 >= SAMPLE_S) return;
    // The minute's acknowledgements beside the machine's load: slow ones that come with a load spike are the machine's.
    const minute = poster.posted.slice(minuteFrom).filter((r) => r.status === 200).map((r) => r.ackMs);
    minuteFrom = poster.posted.length;
    const p99 = minute.length ? percentile(minute, 99) : undefined;
    minutes.push({ p99, load: loadavg()[0] });
    log(`  ${(at / 60).toFixed(0)} min: console RSS ${mb(last.rss)}, renderer heap ${mb(last.heap)}, ack p99 ${ms(p99)}, load ${loadavg()[0].toFixed(2)}`);
  };
  await sample();
  const sampler = setInterval(() => void sample(), SAMPLE_S * 1000);
  const chunks = Math.ceil((MINUTES * 60) / SAMPLE_S);
  for (let i = 0; i < chunks; i++) await poster.steady(RATE, SAMPLE_S);
  clearInterval(sampler);
  await sample();
  stopHeartbeat();
  alive = served.alive();
} finally {
  await browser?.close();
  await served?.stop();
  poster?.close();
  await machineApi.close();
}

const end = samples.at(-1);
const from = samples.find((s) => s.at >= end.at - WINDOW_S) ?? samples[0];
const acks = poster.posted.filter((r) => r.status === 200).map((r) => r.ackMs);
const stored = await checkStored(dataDir, poster.posted, ROOT);
rmSync(dataDir, { recursive: true, force: true });
const growth = end.rss - from.rss;
console.log(`\nconsole RSS ${mb(samples[0].rss)} at the start, ${mb(from.rss)} at ${(from.at / 60).toFixed(1)} min, ${mb(end.rss)} at the end (${(end.at / 60).toFixed(1)} min)`);
console.log(`RSS growth over the last ${(WINDOW_S / 60).toFixed(1)} min: ${(growth / 1024 / 1024).toFixed(1)} MB (target < 10 MB over the last 20 min of 30) ${growth < 10 * 1024 * 1024 ? 'PASS' : 'FAIL'}`);
console.log(`renderer heap ${mb(samples[0].heap)} at the start, ${mb(end.heap)} at the end`);
console.log(`acknowledgement p50 ${ms(percentile(acks, 50))}, p99 ${ms(percentile(acks, 99))} over ${acks.length.toLocaleString('en')} messages (target p99 < 10 ms)`);
const slow = minutes.filter((m) => m.p99 !== undefined && m.p99 >= 10);
const quick = minutes.filter((m) => !slow.includes(m));
const loads = (list) => list.map((m) => m.load.toFixed(1)).join(', ');
console.log(`minutes with an ack p99 of 10 ms or more: ${slow.length} of ${minutes.length}${slow.length ? `, at a load of ${loads(slow)}` : ''}`);
if (slow.length && quick.length) console.log(`the other minutes' load: ${loads(quick)}`);
console.log(
  `posted ${stored.posted.toLocaleString('en')}: ${stored.refused} refused, ${stored.unanswered} unanswered, ${stored.lost.length} acknowledged but not stored, ` +
    `${stored.notQueued.length} not on the queue; page errors ${pageErrors.length}; console ${alive ? 'alive' : 'NOT alive'} at the end`,
);
if (stored.lost.length || stored.notQueued.length || stored.refused || stored.unanswered || !alive) process.exitCode = 1;
