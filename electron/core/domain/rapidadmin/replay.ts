/**
 * RapIDadmin's signature covers the body and nothing else (no time, no nonce), so a recorded delivery verifies
 * forever and can be posted again. Identical deliveries (same event, same body) are followed as runs: one within
 * REPEAT_WINDOW_MS of its run's first is a repeat, kept and shown as such, and raises no alert of its own. It is not
 * refused, and it folds like any delivery: two real failed prints of one card may look identical. After the window it
 * starts a new run and alerts again, so a replay can raise at most one alert per window.
 */
export const REPEAT_WINDOW_MS = 5 * 60_000;

/** The first delivery of one event and body, and how many identical ones have followed it within the window. */
export interface DeliveryRun {
  firstSeq: number;
  firstAt: string;
  repeats: number;
}

/** Folds one delivery (its event's seq and received time) into the run of its event and body. Pure. */
export function foldRun(run: DeliveryRun | undefined, seq: number, at: string): { run: DeliveryRun; repeat: boolean } {
  // A clock set back (negative) or an unreadable time starts a new run: an alert too many, never one missed.
  const since = run ? Date.parse(at) - Date.parse(run.firstAt) : Number.NaN;
  if (run && since >= 0 && since < REPEAT_WINDOW_MS) return { run: { ...run, repeats: run.repeats + 1 }, repeat: true };
  return { run: { firstSeq: seq, firstAt: at, repeats: 0 }, repeat: false };
}
