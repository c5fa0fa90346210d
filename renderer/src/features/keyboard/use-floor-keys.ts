import { useEffect, useRef, useState } from 'react';
import { BurstDetector } from './key-bursts';
import { routeScan } from './scan-route';

/** A key that drives a machine acts only once held this long, alone: never on a tap, never inside a burst. */
export const HOLD_MS = 600;
/** A scan that ends without Enter is handed over once its keys have stopped for this long. */
export const SCAN_QUIET_MS = 100;

/** Whether keys typed here belong to a field: a focused field keeps every keystroke, a scan's included. */
export function typingIn(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** A dialog is asking something: no key acts behind it. */
const dialogOpen = () => document.querySelector('[aria-modal="true"]') !== null;

/** What a key held alone starts: `id` tells one hold from another (an action on a machine). */
export interface Holdable {
  id: string;
}

/** A hold in progress: its action, and the key that must stay down. */
export interface Hold<A extends Holdable> {
  action: A;
  key: string;
}

/**
 * The console's keys outside any field:
 * - a burst (a scanner: see key-bursts.ts) is a scan, handed to the screen that takes scans (scan-route.ts); its keys
 *   do nothing else, and its closing Enter never presses the focused button;
 * - a key that `holdable` names, pressed alone (no Ctrl, Alt, Meta or Shift) with no dialog open, starts a hold that
 *   acts after HOLD_MS, unless the key is let go, another key comes or the window loses focus first, and only if
 *   `holdable` still names the same action then (the machine may have moved on meanwhile).
 * Returns the hold in progress, so the screen shows it filling up.
 */
export function useFloorKeys<A extends Holdable>(holdable: (key: string) => A | undefined, onHeld: (action: A) => void): Hold<A> | undefined {
  const [hold, setHold] = useState<Hold<A>>();
  const latest = useRef({ holdable, onHeld });
  useEffect(() => {
    latest.current = { holdable, onHeld };
  });

  useEffect(() => {
    const bursts = new BurstDetector();
    let holding: (Hold<A> & { timer: ReturnType<typeof setTimeout> }) | undefined;
    let scan: { text: string; timer: ReturnType<typeof setTimeout> } | undefined;

    const cancelHold = () => {
      if (!holding) return;
      clearTimeout(holding.timer);
      holding = undefined;
      setHold(undefined);
    };

    const finishScan = () => {
      if (!scan) return;
      clearTimeout(scan.timer);
      const code = scan.text.trim();
      scan = undefined;
      bursts.reset();
      if (code !== '' && !dialogOpen()) routeScan(code);
    };

    const held = (action: A, key: string) => {
      holding = undefined;
      setHold(undefined);
      if (dialogOpen() || latest.current.holdable(key)?.id !== action.id) return;
      latest.current.onHeld(action);
    };

    const onKeyDown = (e: KeyboardEvent) => {
      if (typingIn(e.target)) return;
      const key = e.key.toLowerCase();
      if (e.repeat) {
        // The key of a hold repeats while it stays down: not a new press, and it does nothing of its own.
        if (holding?.key === key || scan) e.preventDefault();
        return;
      }
      const run = bursts.press(e.key, e.timeStamp);
      if (run.burst) {
        cancelHold();
        e.preventDefault();
        if (scan) clearTimeout(scan.timer);
        scan = { text: run.text, timer: setTimeout(finishScan, SCAN_QUIET_MS) };
        if (e.key === 'Enter') finishScan();
        return;
      }
      // A hold is one key alone: any other press ends it.
      cancelHold();
      if (e.ctrlKey || e.altKey || e.metaKey || e.shiftKey || dialogOpen()) return;
      const action = latest.current.holdable(e.key);
      if (!action) return;
      e.preventDefault();
      holding = { action, key, timer: setTimeout(() => held(action, e.key), HOLD_MS) };
      setHold({ action, key });
    };
    const onKeyUp = (e: KeyboardEvent) => {
      if (holding?.key === e.key.toLowerCase()) cancelHold();
    };

    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    window.addEventListener('blur', cancelHold);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
      window.removeEventListener('blur', cancelHold);
      cancelHold();
      if (scan) clearTimeout(scan.timer);
    };
  }, []);

  return hold;
}
