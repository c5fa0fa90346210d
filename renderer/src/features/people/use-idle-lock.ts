import { useEffect, useRef } from 'react';

/** What counts as someone at the station: a key, a tap or a click, a scroll. Mouse moves do not (a bumped mouse is nobody). */
const INPUT_EVENTS = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

/**
 * Calls `onIdle` once after `minutes` without input, while `minutes` is given (someone is signed in). Each input
 * starts the wait again; the timer checks the last input when it fires, so a busy operator costs one timer, not one per key.
 */
export function useIdleLock(minutes: number | undefined, onIdle: () => void): void {
  const latest = useRef(onIdle);
  useEffect(() => {
    latest.current = onIdle;
  });
  useEffect(() => {
    if (minutes === undefined || minutes <= 0) return;
    const idleMs = minutes * 60_000;
    let last = Date.now();
    let timer: ReturnType<typeof setTimeout>;
    const check = () => {
      const left = last + idleMs - Date.now();
      if (left > 0) timer = setTimeout(check, left);
      else latest.current();
    };
    const input = () => {
      last = Date.now();
    };
    timer = setTimeout(check, idleMs);
    INPUT_EVENTS.forEach((e) => window.addEventListener(e, input, { capture: true, passive: true }));
    return () => {
      clearTimeout(timer);
      INPUT_EVENTS.forEach((e) => window.removeEventListener(e, input, { capture: true }));
    };
  }, [minutes]);
}
