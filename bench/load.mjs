import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

/** One POST over a keep-alive agent; resolves with the status once the whole answer has arrived. */
function post(agent, url, body) {
  return new Promise((resolve) => {
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Length': body.length },
      },
      (res) => {
        res.on('data', () => {});
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

/**
 * Closed loop: `connections` senders, each posting its next message as soon as the previous one is answered, for
 * `warmupMs` unmeasured and then `durationMs` measured. Returns answered-2xx per second and the failures.
 */
export async function saturate(url, next, { connections, warmupMs, durationMs }) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const start = performance.now();
  const measureFrom = start + warmupMs;
  const end = measureFrom + durationMs;
  let ok = 0;
  let failed = 0;
  const sender = async () => {
    while (performance.now() < end) {
      const status = await post(agent, url, next());
      const answeredAt = performance.now();
      if (answeredAt < measureFrom || answeredAt > end) continue;
      if (status >= 200 && status < 300) ok += 1;
      else failed += 1;
    }
  };
  await Promise.all(Array.from({ length: connections }, sender));
  agent.destroy();
  return { perSecond: ok / (durationMs / 1000), failed };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/**
 * Open loop at a steady `rate` per second: messages leave on schedule whether or not earlier ones were answered, so
 * a slow answer cannot hold back the next send and hide its own delay. Latency runs from the send to the end of the
 * answer. The first `warmupMs` are sent but not counted.
 */
export async function steady(url, next, { rate, warmupMs, durationMs }) {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const latencies = [];
  const inFlight = [];
  let failed = 0;
  let sent = 0;
  const start = performance.now();
  const total = Math.round((rate * (warmupMs + durationMs)) / 1000);
  const counted = Math.round((rate * warmupMs) / 1000);
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - start) * rate) / 1000));
    for (; sent < due; sent++) {
      const measure = sent >= counted;
      const t0 = performance.now();
      inFlight.push(
        post(agent, url, next()).then((status) => {
          if (!measure) return;
          if (status >= 200 && status < 300) latencies.push(performance.now() - t0);
          else failed += 1;
        }),
      );
    }
    await sleep(1);
  }
  const sendingTook = performance.now() - start - warmupMs;
  await Promise.all(inFlight);
  agent.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1),
    achieved: (total - counted) / (sendingTook / 1000),
    failed,
  };
}
