import type { ConsoleEvent } from '../../../shared/api/contract';

/** Runs `apply` once, at the next frame. */
export type FrameSchedule = (apply: () => void) => void;

/** The longest an event waits when no frame comes (a hidden page draws none): it is still applied, a little later. */
const NO_FRAME_MS = 100;

/** The next animation frame, or NO_FRAME_MS when the page draws none. */
export const nextFrame: FrameSchedule = (apply) => {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    apply();
  };
  const frame = requestAnimationFrame(once);
  const timer = setTimeout(once, NO_FRAME_MS);
};

export interface EventFrames {
  /** An event as it arrived: applied at once after a quiet frame, else with the others of its frame, in order. */
  push(event: ConsoleEvent): void;
  /**
   * Applies what waits, now. A call's answer is newer than every event the console sent before it, so the transport
   * flushes before handing an answer over: an older event never overwrites what a read just placed.
   */
  flush(): void;
  listen(listener: (event: ConsoleEvent) => void): () => void;
}

/**
 * Pushed events, at most one batch a frame. At 100 messages a second each event is a task of its own, and the page
 * redrew the queue for every one. An event after a quiet frame is applied at once (a machine that stops is on screen
 * without waiting); those that follow within the same frame wait for the next one and are applied together, in order:
 * one render (React batches the store's changes within a task), never more than a frame behind.
 */
export function eventFrames(schedule: FrameSchedule = nextFrame): EventFrames {
  const listeners = new Set<(event: ConsoleEvent) => void>();
  let waiting: ConsoleEvent[] = [];
  /** A frame is awaited: events arriving now wait for it. */
  let holding = false;

  const flush = () => {
    const events = waiting;
    waiting = [];
    for (const event of events) listeners.forEach((l) => l(event));
  };
  const frame = () => {
    holding = false;
    if (waiting.length === 0) return;
    flush();
    hold();
  };
  const hold = () => {
    holding = true;
    schedule(frame);
  };

  return {
    push(event) {
      waiting.push(event);
      if (holding) return;
      flush();
      hold();
    },
    flush,
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
