// The job queue's reads against 100,000 jobs: p50/p99 of the pages, searches, filters and counts the renderer asks
// for, on the schema without migration 4 (the baseline, measured in the same run) and with it.
//
//   node scripts/bench-queue.mjs            (BENCH_JOBS=100000 BENCH_RUNS=60 by default)
//
// Loads the core's TypeScript through Vite's module runner (a declared dev dependency), so it measures the code in
// the tree without a build.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runnerImport } from 'vite';

const ROOT = resolve(import.meta.dirname, '..');
const JOBS = Number(process.env.BENCH_JOBS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
/** The renderer's page size (renderer/src/store/jobs-slice.ts). */
const PAGE = 100;
const MACHINES = ['aida-1', 'aida-2', 'aida-3'];
const BATCH_SIZE = 250;

async function load(path) {
  const { module } = await runnerImport(resolve(ROOT, path), { configFile: false, root: ROOT, logLevel: 'error' });
  return module;
}

const [{ JobRepo }, { DeliveryRepo }, { migrate }, { MIGRATIONS }] = await Promise.all([
  load('electron/core/store/job-repo.ts'),
  load('electron/core/store/delivery-repo.ts'),
  load('electron/core/store/migrate.ts'),
  load('electron/core/store/migrations/index.ts'),
]);
const BASELINE_VERSION = 3;

/** A small deterministic generator, so two runs measure the same data. */
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

/**
 * 100,000 jobs as a busy week looks: batches of 250 across three machines, mostly completed, some faulted (a card may
 * exist), card jams whose source job cancelled four others, a few running; two logged messages per job with their
 * raw bodies, so a job's timeline is read from a realistic event log.
 */
function fill(db) {
  const repo = new JobRepo(db);
  const rand = prng(42);
  const hex = (n) => Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('');
  const insertDelivery = db.prepare(
    `INSERT INTO deliveries (received_at, source, remote_addr, headers, body, body_length, outcome, http_status)
     VALUES (?, 'aida', '10.0.0.5', '{}', ?, ?, 'accepted', 200)`,
  );
  const insertEvent = db.prepare(
    `INSERT INTO events (seq, delivery_id, source, machine_id, message_id, message_type, received_at, message)
     VALUES (?, ?, 'aida', ?, ?, ?, ?, ?)`,
  );
  let seq = 0;
  const start = Date.parse('2025-03-01T06:00:00Z');
  const log = (job, type, extra) => {
    seq += 1;
    const at = new Date(start + seq * 1500).toISOString();
    const message = {
      messageType: type,
      jobId: job.jobId,
      batchId: job.batchId,
      correlationId: job.correlationId,
      workflowInstanceId: job.workflowInstanceId,
      messageId: hex(32),
      ...extra,
    };
    const body = Buffer.from(JSON.stringify({ MachineName: job.machineId, ...message }));
    const delivery = insertDelivery.run(at, body, body.length).lastInsertRowid;
    insertEvent.run(seq, delivery, job.machineId, message.messageId, type, at, JSON.stringify(message));
    return at;
  };
  const put = (job, status, type, extra = {}) => {
    const at = log(job, type, { jobStatus: status, ...extra });
    repo.put({ ...job, status, lastMessageType: type, stateSince: at, updatedAt: at, ...extra }, seq);
  };
  db.transaction(() => {
    for (let n = 0; n < JOBS; n++) {
      const batch = Math.floor(n / BATCH_SIZE);
      const job = {
        source: 'aida',
        machineId: MACHINES[batch % MACHINES.length],
        key: `J${String(n).padStart(7, '0')}`,
        jobId: `J${String(n).padStart(7, '0')}`,
        correlationId: `ORD-${hex(10)}`,
        batchId: `BATCH-${String(batch).padStart(4, '0')}`,
        workflowInstanceId: hex(32),
      };
      log(job, 'WorkflowStarted', { jobStatus: 'Running' });
      const r = rand();
      if (n >= JOBS - 30) put(job, 'Running', 'WorkflowStarted');
      else if (r < 0.005 && n + 4 < JOBS - 30) {
        put(job, 'Faulted', 'WorkflowFaulted', { errorCode: 'CardJam', documentProduced: true, destructiveOperationExecuted: true });
        for (let k = 1; k <= 4; k++) {
          n += 1;
          const victim = { ...job, key: `J${String(n).padStart(7, '0')}`, jobId: `J${String(n).padStart(7, '0')}`, correlationId: `ORD-${hex(10)}`, workflowInstanceId: hex(32) };
          log(victim, 'WorkflowStarted', { jobStatus: 'Running' });
          put(victim, 'Cancelled', 'WorkflowCancelled', {
            errorCode: 'CancelledOnStartup',
            sourceJobInstanceId: job.workflowInstanceId,
            documentProduced: false,
            destructiveOperationExecuted: false,
          });
        }
      } else if (r < 0.035) {
        put(job, 'Faulted', 'WorkflowFaulted', { errorCode: 'ChipPersonalizationFailed', documentProduced: rand() < 0.5, destructiveOperationExecuted: true });
      } else if (r < 0.045) {
        put(job, 'Cancelled', 'WorkflowCancelled', { errorCode: 'ManualStop', documentProduced: false, destructiveOperationExecuted: false });
      } else put(job, 'Completed', 'WorkflowCompleted', { documentProduced: true, destructiveOperationExecuted: true });
    }
  })();
  return repo;
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function measure(fn) {
  for (let i = 0; i < 3; i++) fn();
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

function cases(repo, deliveries, db) {
  const grouped = { groupCancelled: true, limit: PAGE };
  const total = repo.count(grouped);
  const jam = db.prepare("SELECT machine_id, job_key FROM jobs WHERE error_code = 'CardJam' LIMIT 1 OFFSET 50").get();
  const source = repo.get(jam.machine_id, jam.job_key);
  return [
    ['page at 0', () => repo.query({ ...grouped, offset: 0 })],
    ['page at 50,000', () => repo.query({ ...grouped, offset: 50_000 })],
    ['page at 99,800 (ungrouped)', () => repo.query({ limit: PAGE, offset: 99_800 })],
    [`last page (grouped, ${total})`, () => repo.query({ ...grouped, offset: total - PAGE })],
    ['search "J0047" (20 jobs)', () => repo.query({ ...grouped, search: 'J0047' })],
    ['search no match', () => repo.query({ ...grouped, search: 'no-such-job' })],
    ['search "BATCH-01" at 2,000', () => repo.query({ ...grouped, search: 'BATCH-01', offset: 2_000 })],
    ['status Faulted', () => repo.query({ ...grouped, status: 'Faulted' })],
    ['status Faulted at 2,000', () => repo.query({ ...grouped, status: 'Faulted', offset: 2_000 })],
    ['machine aida-2 at 30,000', () => repo.query({ ...grouped, machineId: 'aida-2', offset: 30_000 })],
    ['machine + status Completed at 20,000', () => repo.query({ ...grouped, machineId: 'aida-2', status: 'Completed', offset: 20_000 })],
    ['machine + batch', () => repo.query({ ...grouped, machineId: 'aida-2', batchId: 'BATCH-0199' })],
    ['count (grouped)', () => repo.count(grouped)],
    ['count (search)', () => repo.count({ ...grouped, search: 'J0047' })],
    ['job detail: cancelled jobs', () => repo.cancelledBy(source.machineId, source)],
    ['job detail: timeline', () => deliveries.timeline(source.machineId, source.jobId, source.workflowInstanceId)],
  ];
}

const dir = mkdtempSync(join(tmpdir(), 'ic-bench-queue-'));
try {
  const db = new Database(join(dir, 'bench.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  migrate(db, MIGRATIONS.filter((m) => m.version <= BASELINE_VERSION));
  let t = performance.now();
  const repo = fill(db);
  console.log(`filled ${JOBS.toLocaleString('en')} jobs in ${((performance.now() - t) / 1000).toFixed(1)} s; ${RUNS} runs per case, page of ${PAGE}`);
  const deliveries = new DeliveryRepo(db);
  const before = cases(repo, deliveries, db).map(([name, fn]) => [name, measure(fn)]);
  t = performance.now();
  const version = migrate(db, MIGRATIONS);
  const migrationMs = performance.now() - t;
  // Statements are prepared per call, so the same repos see the new indexes.
  const after = cases(repo, deliveries, db).map(([, fn]) => measure(fn));
  console.log(`migration to schema ${version} on this data: ${migrationMs.toFixed(0)} ms\n`);
  const rows = before.map(([name, b], i) => ({
    case: name,
    [`schema ${BASELINE_VERSION} p50 ms`]: b.p50.toFixed(2),
    [`schema ${BASELINE_VERSION} p99 ms`]: b.p99.toFixed(2),
    [`schema ${version} p50 ms`]: after[i].p50.toFixed(2),
    [`schema ${version} p99 ms`]: after[i].p99.toFixed(2),
  }));
  console.table(rows);
  db.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
