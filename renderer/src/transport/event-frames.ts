import type { ConsoleEvent } from '../../../shared/api/contract';

/** Runs `apply` soon, once; the answer cancels it. */
export type FrameSchedule = (apply: () => void) => () => void;

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
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
};

export interface EventFrames {
  /** An event as it arrived: applied with the others of its frame, in order. */
  push(event: ConsoleEvent): void;
  /**
   * Applies what waits, now. A call's answer is newer than every event the console sent before it, so the transport
   * flushes before handing an answer over: an older event never overwrites what a read just placed.
   */
  flush(): void;
  listen(listener: (event: ConsoleEvent) => void): () => void;
}

/**
 * Pushed events applied a frame at a time. At 100 messages a second each event is a task of its own, and the page
 * redrew the queue for every one: held to the frame, the events of one frame make one render (React batches the
 * store's changes within a task), and the screen is never more than a frame behind.
 */
export function eventFrames(schedule: FrameSchedule = nextFrame): EventFrames {
  const listeners = new Set<(event: ConsoleEvent) => void>();
  let waiting: ConsoleEvent[] = [];
  let scheduled = false;
  let cancel: (() => void) | undefined;

  const flush = () => {
    scheduled = false;
    cancel?.();
    cancel = undefined;
    const events = waiting;
    waiting = [];
    for (const event of events) listeners.forEach((l) => l(event));
  };

  return {
    push(event) {
      waiting.push(event);
      if (scheduled) return;
      scheduled = true;
      cancel = schedule(flush);
    },
    flush,
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
