import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { MACHINES, body, jobOf } from './floor.mjs';

/** Epoch milliseconds with sub-millisecond precision: comparable with the page's own `timeOrigin + now()`. */
export const epochNow = () => performance.timeOrigin + performance.now();

/**
 * Posts webhooks as machines do, each on a keep-alive connection, and keeps what became of each: every acknowledged
 * message is checked against the store after the run (nothing lost), and its answer time is the acknowledgement
 * latency.
 */
export class Poster {
  /** Every message posted: { machine, jobId, messageId, sentAt, status, ackMs }. */
  posted = [];
  #agent = new Agent({ keepAlive: true, maxSockets: 256 });
  #url;
  #next = 0;
  #run;

  constructor(url, run) {
    this.#url = url;
    // Job numbers above any a filled store holds, unique to this run.
    this.#run = run;
  }

  /** A new job's WorkflowStarted on `machine` (by default the floor's machines in turn). */
  newJob(machine = MACHINES[this.#next % MACHINES.length]) {
    this.#next += 1;
    const job = jobOf(this.#run * 1_000_000 + this.#next, machine, `LIVE-${this.#run}`);
    job.jobId = `L${this.#run}-${String(this.#next).padStart(6, '0')}`;
    return { job, ...body('WorkflowStarted', { job, jobStatus: 'Running' }) };
  }

  /**
   * Health checks from every machine now and every `everyMs`, as AIDA sends them: the console's watchdog then knows
   * the line is alive (a week-old store would otherwise raise "machine silent" over the queue). Returns the stop.
   */
  heartbeat(everyMs) {
    const beat = () => MACHINES.forEach((machine) => void this.post({ machine, ...body('HealthCheck', { machine }) }));
    beat();
    const timer = setInterval(beat, everyMs);
    return () => clearInterval(timer);
  }

  /**
   * Posts one message; resolves with its record once answered. A connection that fails before any answer (a
   * keep-alive socket the console closed as this one was sent) is retried, as AIDA retries: at most twice.
   */
  post({ job, machine = job.machine, messageId, bytes }) {
    const record = { machine, jobId: job?.jobId, messageId, sentAt: epochNow(), status: 0, ackMs: undefined, tries: 0 };
    this.posted.push(record);
    const t0 = performance.now();
    const attempt = (resolve) => {
      record.tries += 1;
      const req = request(
        {
          agent: this.#agent,
          host: this.#url.hostname,
          port: this.#url.port,
          path: this.#url.pathname,
          method: 'POST',
          headers: { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': bytes.length },
        },
        (res) => {
          res.on('data', () => {});
          res.on('end', () => {
            record.status = res.statusCode ?? 0;
            record.ackMs = performance.now() - t0;
            resolve(record);
          });
          res.on('error', () => resolve(record));
        },
      );
      req.on('error', () => (record.tries < 3 ? attempt(resolve) : resolve(record)));
      req.end(bytes);
    };
    return new Promise(attempt);
  }

  /**
   * Open loop at `rate` per second for `seconds`: messages leave on schedule whether or not earlier ones were
   * answered, so a slow answer cannot hold back the next send and hide its own delay. `make(i)` gives message i.
   * Resolves with the records once every answer is in.
   */
  async steady(rate, seconds, make = () => this.newJob()) {
    const total = Math.round(rate * seconds);
    const inFlight = [];
    const start = performance.now();
    for (let sent = 0; sent < total;) {
      const due = Math.min(total, Math.floor(((performance.now() - start) * rate) / 1000) + 1);
      for (; sent < due; sent++) inFlight.push(this.post(make(sent)));
      await sleep(1);
    }
    return Promise.all(inFlight);
  }

  close() {
    this.#agent.destroy();
  }
}
