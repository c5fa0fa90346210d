import type { Timers } from '../../shared/api/heartbeat';

interface Due {
  at: number;
  run: () => void;
  every?: number;
}

/** Timers that move only when the test turns them: `advance(ms)` runs, in order, everything due by then. */
export function handClock(): Timers & { now(): number; advance(ms: number): void; pending(): number } {
  let now = 0;
  const due = new Set<Due>();
  const add = (entry: Due) => {
    due.add(entry);
    return () => void due.delete(entry);
  };
  return {
    now: () => now,
    pending: () => due.size,
    every: (ms, tick) => add({ at: now + ms, run: tick, every: ms }),
    after: (ms, run) => add({ at: now + ms, run }),
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const next = [...due].filter((d) => d.at <= end).sort((a, b) => a.at - b.at)[0];
        if (!next) break;
        now = next.at;
        if (next.every === undefined) due.delete(next);
        else next.at += next.every;
        next.run();
      }
      now = end;
    },
  };
}
