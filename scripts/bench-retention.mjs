// Acknowledgement latency while retention archives: a store of BENCH_JOBS jobs (200,000 by default, two logged
// messages each, 95 % of them older than the retention), then the console started twice on it, posting 100 msg/s
// over HTTP: first with a retention that keeps everything (the baseline), then with the default 90 days, measured for
// as long as the start-up pass runs. Prints p50/p99/max of both, each without its first 10 s.
//
//   node scripts/bench-retention.mjs        (BENCH_JOBS=200000 BENCH_RATE=100 by default)
//
// Loads the core's TypeScript through Vite's module runner, so it measures the code in the tree without a build.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runnerImport } from 'vite';

const ROOT = resolve(import.meta.dirname, '..');
const JOBS = Number(process.env.BENCH_JOBS ?? 200_000);
const RATE = Number(process.env.BENCH_RATE ?? 100);
const BASELINE_SECONDS = 40;
const WARMUP_MS = 10_000;

async function load(path) {
  const { module } = await runnerImport(resolve(ROOT, path), { configFile: false, root: ROOT, logLevel: 'error' });
  return module;
}

const [{ openDatabase }, { Store }, { IngestQueue }, { AidaSource }, { startConsole }, { resolveConfig }, { PROJECTION_VERSION }] = await Promise.all([
  load('electron/core/store/database.ts'),
  load('electron/core/store/store.ts'),
  load('electron/core/ingest/ingest-queue.ts'),
  load('electron/core/ingest/aida-source.ts'),
  load('electron/core/console.ts'),
  load('electron/core/config/resolve.ts'),
  load('electron/core/ingest/projector.ts'),
]);

const MACHINE = { MachineName: 'AIDA-01', MachineSerial: 'SN-1001', HostName: 'aida-01.local' };
let ids = 0;
const message = (type, jobId, status) => ({
  ...MACHINE,
  MessageId: `bench-${++ids}`,
  MessageType: type,
  JobId: jobId,
  BatchId: `B-${Math.floor(Number(jobId.replace(/\D/g, '')) / 250)}`,
  CorrelationId: `CORR-${jobId}`,
  WorkflowInstanceId: `wf-${jobId}`,
  JobStatus: status,
  ErrorCode: 'NoErrors',
});

/** Fills the store through the real ingest path: old jobs a minute apart from January 2025, the rest from now. */
async function fill(dataDir) {
  const db = openDatabase({ dataDir, durability: 'crash' });
  const store = new Store(db);
  const ingest = new IngestQueue(store, [new AidaSource(store, () => [{ id: 'm1' }])], () => {});
  const old = Math.floor(JOBS * 0.95);
  const start = Date.parse('2025-01-01T00:00:00Z');
  for (let from = 0; from < JOBS; from += 1000) {
    const answers = [];
    for (let n = from; n < Math.min(JOBS, from + 1000); n++) {
      const t = n < old ? start + n * 60_000 : Date.now() - (JOBS - n) * 1000;
      for (const [i, type, status] of [[0, 'WorkflowStarted', 'Running'], [1, 'WorkflowCompleted', 'Completed']]) {
        const json = message(type, `J${n}`, status);
        const body = Buffer.from(JSON.stringify(json));
        answers.push(ingest.submit({ source: 'aida', receivedAt: new Date(t + i * 20_000).toISOString(), remoteAddr: undefined, headers: {}, body, bodyLength: body.length, json }));
      }
    }
    ingest.flush();
    await Promise.all(answers);
    ingest.projectPending();
  }
  store.projection.setVersion(PROJECTION_VERSION);
  ingest.close();
  store.close();
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const summary = (ms) => {
  const s = [...ms].sort((a, b) => a - b);
  return `n=${s.length} p50=${percentile(s, 50).toFixed(2)} ms p99=${percentile(s, 99).toFixed(2)} ms max=${s.at(-1).toFixed(2)} ms`;
};

/** One POST over a keep-alive agent; resolves with the status once the whole answer has arrived. */
function postOne(agent, url, body) {
  return new Promise((resolve) => {
    const req = request(
      { agent, host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': body.length } },
      (res) => {
        res.on('data', () => {});
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

/** Posts RATE msg/s on schedule (an open loop) until `until()` says stop; returns each acknowledgement's latency. */
async function post(url, until) {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const latencies = [];
  const pending = [];
  let failed = 0;
  const began = performance.now();
  for (let n = 0; !until(performance.now() - began); n++) {
    const wait = began + (n * 1000) / RATE - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const body = Buffer.from(JSON.stringify(message('WorkflowStarted', `live-${ids}`, 'Running')));
    const sent = performance.now();
    // The console's first seconds (code warming up, catching up with the log) are not what is measured.
    const counted = sent - began > WARMUP_MS;
    pending.push(postOne(agent, url, body).then((status) => (status !== 200 ? (failed += 1) : counted && latencies.push(performance.now() - sent))));
  }
  await Promise.all(pending);
  agent.destroy();
  if (failed > 0) console.log(`${failed} posts failed`);
  return latencies;
}

/** The console in a process of its own (this script with `--serve`), as in production: its event loop is its own. */
function serve(dataDir, retention) {
  const child = spawn(process.execPath, [import.meta.filename, '--serve', dataDir, JSON.stringify(retention)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = [];
  let ready;
  const url = new Promise((resolve) => (ready = resolve));
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk) => {
    for (const line of chunk.split('\n').filter(Boolean)) {
      if (line.startsWith('URL ')) ready(new URL(line.slice(4)));
      else lines.push(line);
    }
  });
  return {
    url,
    lines,
    stop: () => new Promise((resolve) => {
      child.on('exit', resolve);
      child.kill('SIGTERM');
    }),
  };
}

async function run(dataDir, retention, until) {
  const child = serve(dataDir, retention);
  try {
    const url = await child.url;
    return { latencies: await post(url, (elapsed) => until(child.lines, elapsed)), lines: child.lines };
  } finally {
    await child.stop();
  }
}

if (process.argv[2] === '--serve') {
  const [, , , dataDir, retention] = process.argv;
  const config = resolveConfig({ dataDir, webhookPort: 0, uiPort: 0 }, { machines: [{ id: 'm1', apiUrl: 'http://127.0.0.1:9', kind: 'box' }], retention: JSON.parse(retention) });
  // The first daily backup is put off: it would copy the whole store while retention is measured.
  const core = await startConsole(config, { log: (l) => console.log(l), backup: { firstDelayMs: 24 * 3600 * 1000 } });
  console.log(`URL ${core.webhookUrl.replace(/\/\/[^/]+/, `//127.0.0.1:${new URL(core.webhookUrl).port}`)}`);
  process.on('SIGTERM', () => void core.stop().then(() => process.exit(0)));
} else {
  const dataDir = mkdtempSync(join(tmpdir(), 'ic-bench-retention-'));
  try {
    const filling = performance.now();
    await fill(dataDir);
    console.log(`filled ${JOBS} jobs (${JOBS * 2} messages) in ${((performance.now() - filling) / 1000).toFixed(1)} s`);
    const baseline = await run(dataDir, { days: 36_500 }, (_, elapsed) => elapsed > BASELINE_SECONDS * 1000);
    console.log(`ack at ${RATE} msg/s, nothing to archive: ${summary(baseline.latencies)}`);
    const archiving = performance.now();
    const during = await run(dataDir, {}, (lines) => lines.some((l) => l.startsWith('retention')));
    console.log(`ack at ${RATE} msg/s, while archiving:    ${summary(during.latencies)}`);
    console.log(`the pass took ${((performance.now() - archiving) / 1000).toFixed(1)} s: ${during.lines.find((l) => l.startsWith('retention'))}`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
