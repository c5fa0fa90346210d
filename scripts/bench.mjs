/**
 * Ingest benchmark (`npm run bench`, after a build): the console's webhook listener, with each durability setting,
 * against a bare express app measured in the same run. Each server runs as its own process on loopback; the load
 * comes from this process over keep-alive connections. Prints a table and PASS/FAIL for each target.
 */
import console from 'node:console';
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { messageFactory } from '../bench/message.mjs';
import { saturate, steady } from '../bench/load.mjs';
import { report } from '../bench/report.mjs';
import { TARGETS, cpuSeconds, startTarget } from '../bench/servers.mjs';

const CONNECTIONS = 50;
const RATE = 1000;
const SATURATE = { connections: CONNECTIONS, warmupMs: 1500, durationMs: 6000 };
const STEADY = { rate: RATE, warmupMs: 1000, durationMs: 8000 };

async function measure(target) {
  const server = await startTarget(target);
  try {
    const next = messageFactory();
    const serverBefore = cpuSeconds(server.pid);
    const clientBefore = process.cpuUsage();
    const started = performance.now();
    const saturated = await saturate(server.url, next, SATURATE);
    const seconds = (performance.now() - started) / 1000;
    const serverAfter = cpuSeconds(server.pid);
    const client = process.cpuUsage(clientBefore);
    saturated.serverCpu = serverBefore === undefined ? undefined : (serverAfter - serverBefore) / seconds;
    saturated.clientCpu = (client.user + client.system) / 1e6 / seconds;
    // Measured after saturation, so the database already holds tens of thousands of jobs, as a console in use does.
    const latency = await steady(server.url, next, STEADY);
    return { target, saturated, latency };
  } catch (err) {
    err.message += `\n${server.output()}`;
    throw err;
  } finally {
    await server.stop();
  }
}

// Other work on the machine moves every figure: the load average says how quiet the run was.
const load = () => loadavg()[0].toFixed(2);
const loadBefore = load();
const results = [];
for (const target of TARGETS) {
  console.log(`measuring ${target.name} ...`);
  results.push(await measure(target));
}
const { text, passed } = report(results, { connections: CONNECTIONS, rate: RATE });
console.log(`\n${text}`);
console.log(`\nLoad average (1 min) before ${loadBefore}, after ${load()}, on ${availableParallelism()} CPUs.`);
if (!passed) process.exitCode = 1;
