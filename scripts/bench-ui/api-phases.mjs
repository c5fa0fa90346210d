import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { queryOf } from './cases.mjs';
import { MACHINES } from './floor.mjs';
import { epochNow } from './poster.mjs';
import { connectApi } from './served.mjs';

/** The machine whose jobs are watched at 200 msg/s, while the other nine carry the rest of the load. */
export const PROBE_MACHINE = MACHINES[MACHINES.length - 1];

/**
 * At `rate` msg/s of new jobs: at 10 msg/s every job is watched; faster, one in twenty, each on the probe machine
 * (the UI then shows that machine's jobs only, so a watched job is not pushed off the screen by the others).
 */
export function probeLoad(poster, rate) {
  const every = rate <= 10 ? 1 : Math.round(rate / 10);
  const others = MACHINES.slice(0, -1);
  return (i) => (every === 1 ? poster.newJob() : i % every === 0 ? poster.newJob(PROBE_MACHINE) : poster.newJob(others[i % others.length]));
}

export const isProbe = (rate) => (r) => rate <= 10 || r.machine.id === PROBE_MACHINE.id;

/**
 * Webhook to event, no UI: from each watched POST until an event frame pushed over the ConsoleApi's WebSocket first
 * names its job, whatever the event's shape. Returns the latencies (undefined: never named within `graceMs`).
 */
export async function webhookToEvent(api, poster, rate, seconds, graceMs = 3000) {
  const firstSeen = new Map();
  const watching = new Set();
  const stop = api.frames((text) => {
    const t = epochNow();
    for (const id of watching) {
      if (text.includes(`"${id}"`)) {
        firstSeen.set(id, t);
        watching.delete(id);
      }
    }
  });
  const probe = isProbe(rate);
  const load = probeLoad(poster, rate);
  const records = await poster.steady(rate, seconds, (i) => {
    const m = load(i);
    if (probe({ machine: m.job.machine })) watching.add(m.job.jobId);
    return m;
  });
  const deadline = performance.now() + graceMs;
  while (watching.size > 0 && performance.now() < deadline) await sleep(20);
  stop();
  return records.filter(probe).map((r) => (firstSeen.has(r.jobId) ? firstSeen.get(r.jobId) - r.sentAt : undefined));
}

/** Each search or filter through the ConsoleApi: its first page, `runs` times. Returns the latencies and the answer. */
export async function queryTimes(api, filter, runs) {
  const times = [];
  let answer;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    answer = await api.call('listJobs', { ...queryOf(filter), offset: 0, limit: 100 });
    times.push(performance.now() - t);
    if (!answer.ok) throw new Error(`listJobs ${JSON.stringify(filter)} failed: ${answer.error.message}`);
  }
  return { times, rows: answer.value.rows, total: answer.value.total };
}

/** The first screen without a UI: a new connection, the snapshot, and the queue's first page. */
export async function firstScreenByApi(uiUrl) {
  const t = performance.now();
  const api = await connectApi(uiUrl);
  const [snapshot, page] = await Promise.all([api.call('getSnapshot'), api.call('listJobs', { ...queryOf({}), offset: 0, limit: 100 })]);
  const took = performance.now() - t;
  api.close();
  if (!snapshot.ok || !page.ok) throw new Error('the console did not answer its first screen');
  return took;
}
