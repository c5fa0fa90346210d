/**
 * Fills a console data directory with a week of a ten-machine line (`--jobs`, 1,000,000 by default), through the
 * console's own ingest queue and projector in this process: each webhook body is logged as a delivery with its raw
 * bytes and redacted headers, parsed into an event and folded into the jobs and machines, exactly as the listener's
 * path stores it. Prints rows per second, the file's size and bytes per job.
 *
 *   node scripts/fill-store.mjs --dir /tmp/bench-ui-store/1000000 [--jobs 1000000] [--root <checkout>]
 *
 * `--root` fills with another checkout's core (an earlier version); the benchmark then migrates the store in place.
 *
 * Jobs run in batches of 250 per machine: mostly completed; some faulted (a card may exist); some stopped by hand;
 * card jams whose job cancelled the four behind it (listed under it); a few run twice (attempt 2); the last fifty are
 * still running. Each batch starts with a scheduler message and a health check.
 */
import console from 'node:console';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { loadCore, openIngest } from './bench-ui/core.mjs';
import { MACHINES, body, jobOf } from './bench-ui/floor.mjs';

const BATCH = 250;
const STILL_RUNNING = 50;
/** Deliveries per group commit: large, so that index pages touched by many are written once. */
const GROUP = 20_000;
const WEEK_MS = 7 * 24 * 3600 * 1000;

/** A small deterministic generator, so two fills hold the same mix of outcomes. */
function prng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The messages of `count` jobs, in the order the line sends them: a chunk's starts, then its ends. */
function* floorMessages(count) {
  const rand = prng(42);
  const started = (job) => body('WorkflowStarted', { job, jobStatus: 'Running' });
  for (let n = 0; n < count;) {
    const starts = [];
    const ends = [];
    const chunkEnd = Math.min(count, n + 25);
    for (; n < chunkEnd; n++) {
      const b = Math.floor(n / BATCH);
      const machine = MACHINES[b % MACHINES.length];
      if (n % BATCH === 0) {
        starts.push(body('WorkflowSchedulerStarted', { machine, jobStatus: 'None' }), body('HealthCheck', { machine }));
      }
      const job = jobOf(n, machine, `B${String(b).padStart(5, '0')}`);
      starts.push(started(job));
      if (n >= count - STILL_RUNNING) continue;
      const r = rand();
      if (r < 0.005 && n + 4 < count - STILL_RUNNING) {
        ends.push(body('WorkflowFaulted', { job, jobStatus: 'Faulted', errorCode: 'CardJam', documentProduced: true, destructiveOperationExecuted: true }));
        for (let k = 0; k < 4; k++) {
          n += 1;
          const victim = jobOf(n, machine, job.batchId);
          starts.push(started(victim));
          ends.push(body('WorkflowCancelled', { job: victim, jobStatus: 'Cancelled', errorCode: 'CancelledOnStartup', sourceJobInstanceId: job.workflowInstanceId }));
        }
      } else if (r < 0.035) {
        const produced = rand() < 0.5;
        ends.push(body('WorkflowFaulted', { job, jobStatus: 'Faulted', errorCode: 'ChipPersonalizationFailed', documentProduced: produced, destructiveOperationExecuted: true }));
      } else if (r < 0.045) {
        ends.push(body('WorkflowCancelled', { job, jobStatus: 'Cancelled', errorCode: 'ManualStop' }));
      } else if (r < 0.047) {
        ends.push(body('WorkflowFaulted', { job, jobStatus: 'Faulted', errorCode: 'OcrUnexpectedResult', destructiveOperationExecuted: true }));
        const again = { ...job, workflowInstanceId: jobOf(n, machine, job.batchId).workflowInstanceId };
        ends.push(started(again), body('WorkflowCompleted', { job: again, jobStatus: 'Completed', documentProduced: true, destructiveOperationExecuted: true }));
      } else {
        ends.push(body('WorkflowCompleted', { job, jobStatus: 'Completed', documentProduced: true, destructiveOperationExecuted: true }));
      }
    }
    yield* starts;
    yield* ends;
  }
}

/** Headers as AIDA's .NET client sends them (the listener redacts them before they are stored). */
const headersOf = (length) => ({ host: '192.168.1.20:4567', 'content-type': 'application/json; charset=utf-8', 'content-length': String(length) });

/**
 * Fills `dir` with `jobs` jobs, their messages received over the week before now. Returns what it wrote, also kept
 * as manifest.json beside the database.
 */
export async function fillStore({ dir, jobs, root, log = console.log }) {
  mkdirSync(dir, { recursive: true });
  for (const f of ['console.sqlite', 'console.sqlite-wal', 'console.sqlite-shm', 'manifest.json']) rmSync(join(dir, f), { force: true });
  const core = await loadCore(root);
  const filling = openIngest(core, { dataDir: dir, machines: MACHINES });
  const { store, sources, ingest } = filling;
  // A new store's projections are current once an empty log has been folded, as at a console's first start.
  core.rebuildIfStale(store, sources);
  const expected = Math.round(jobs * 2.06);
  const started = performance.now();
  const from = Date.now() - WEEK_MS;
  let messages = 0;
  let pending = [];
  const commit = async () => {
    const answers = await Promise.all(pending);
    const refused = answers.find((a) => a.status !== 200);
    if (refused) throw new Error(`a filled message was refused: ${JSON.stringify(refused)}`);
    ingest.projectPending();
    pending = [];
  };
  for (const { bytes } of floorMessages(jobs)) {
    const receivedAt = new Date(from + (messages * WEEK_MS) / expected).toISOString();
    const json = core.parseJsonBody(bytes);
    const delivery = { source: 'aida', receivedAt, remoteAddr: '192.168.1.41', headers: core.redactHeaders(headersOf(bytes.length)), body: bytes, bodyLength: bytes.length, json: json.value };
    pending.push(ingest.submit(delivery));
    messages += 1;
    if (pending.length >= GROUP) await commit();
    if (messages % 200_000 === 0) log(`  ${messages.toLocaleString('en')} messages, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  await commit();
  ingest.close();
  filling.close();
  await core.close();
  const seconds = (performance.now() - started) / 1000;
  const bytes = statSync(join(dir, 'console.sqlite')).size;
  const manifest = {
    jobs,
    messages,
    bytes,
    bytesPerJob: bytes / jobs,
    seconds,
    schemaVersion: core.SCHEMA_VERSION,
    projectionVersion: core.PROJECTION_VERSION,
    oldestJobId: 'J0000000',
    machines: MACHINES.map((m) => m.id),
    filledAt: new Date().toISOString(),
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return manifest;
}

export function describeFill(m) {
  const mb = (m.bytes / 1024 / 1024).toFixed(0);
  return (
    `filled ${m.jobs.toLocaleString('en')} jobs (${m.messages.toLocaleString('en')} messages) in ${m.seconds.toFixed(0)} s: ` +
    `${Math.round(m.jobs / m.seconds).toLocaleString('en')} jobs/s, ${Math.round(m.messages / m.seconds).toLocaleString('en')} messages/s; ` +
    `${mb} MB on disk, ${Math.round(m.bytesPerJob).toLocaleString('en')} bytes per job`
  );
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const jobs = Number(arg('--jobs', '1000000'));
  const dir = resolve(arg('--dir', join('/tmp/bench-ui-store', String(jobs))));
  console.log(`filling ${dir} with ${jobs.toLocaleString('en')} jobs ...`);
  const root = arg('--root', undefined);
  console.log(describeFill(await fillStore({ dir, jobs, ...(root ? { root: resolve(root) } : {}) })));
}
