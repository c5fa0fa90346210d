/**
 * Real time for machine time. Every duration in the simulator is machine time (milliseconds of a real AIDA line);
 * the speed factor divides it, so tests run a whole batch in milliseconds with the same sequence of messages.
 * Only the order of events comes from machine time, never from how long a wait really took.
 */
export class Pacer {
  constructor(readonly speed: number) {
    if (!(speed > 0)) throw new Error(`speed must be positive, got ${speed}`);
  }

  /** Waits for `machineMs` of machine time; resolves false if `signal` fires first. */
  sleep(machineMs: number, signal?: AbortSignal): Promise<boolean> {
    return delay(machineMs / this.speed, signal);
  }
}

/** Waits `ms` real milliseconds (a bare turn of the event loop for 0); false if aborted first. */
function delay(ms: number, signal?: AbortSignal): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (completed: boolean) => {
      signal?.removeEventListener('abort', onAbort);
      resolve(completed);
    };
    const handle = ms >= 1 ? setTimeout(() => done(true), ms) : setImmediate(() => done(true));
    const onAbort = () => {
      if (ms >= 1) clearTimeout(handle as NodeJS.Timeout);
      else clearImmediate(handle as NodeJS.Immediate);
      done(false);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** A doorbell: the scheduler's loop sleeps on it, and anything that changes what the machine should do rings it. */
export class Doorbell {
  private controller = new AbortController();

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  ring(): void {
    const rung = this.controller;
    this.controller = new AbortController();
    rung.abort();
  }

  /** Resolves at the next ring. */
  wait(): Promise<void> {
    const signal = this.controller.signal;
    return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
  }
}
