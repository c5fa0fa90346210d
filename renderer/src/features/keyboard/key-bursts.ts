/**
 * Handheld barcode scanners type like keyboards, only faster than any hand: a scanned `BATCH-R7S2-RS99` is fifteen key
 * presses a few milliseconds apart. Keys that arrive in such a burst are a scan, never shortcuts.
 */

/**
 * A burst: this many key presses or more, each under BURST_GAP_MS after the one before. A wired scanner types a key
 * every few ms; a wireless one, or any on a busy panel PC, arrives with gaps of 30 ms and more. No hand types four keys
 * under 50 ms apart, and a burst taken for typing only means its keys press nothing.
 */
export const BURST_KEYS = 4;
export const BURST_GAP_MS = 50;

/** What a scanner sends: characters, Shift for capitals, and Enter at the end. */
const TYPED = /^(.|Shift|Enter)$/u;

/** What one key press makes of the run it belongs to. */
export interface KeyRun {
  /** Whether the run is a burst (a scanner), counting this key. */
  burst: boolean;
  /** The characters typed in the run so far, this key's included: a scan's text once it is a burst. */
  text: string;
}

/**
 * Tells typing from a scanner by timing alone: each press joins the run of the one before when it comes under
 * BURST_GAP_MS after it, and a run of BURST_KEYS presses or more is a burst. Shift (which scanners press for capitals)
 * and Enter count for the timing and add no text; any other key that prints nothing ends the run. Timestamps are the
 * events' own, in ms.
 */
export class BurstDetector {
  private last: number | undefined;
  private count = 0;
  private text = '';

  press(key: string, at: number): KeyRun {
    // Moving the focus (Tab, arrows, Escape…) is a person's, however fast: it ends a run and is never swallowed.
    if (!TYPED.test(key)) {
      this.reset();
      return { burst: false, text: '' };
    }
    if (this.last === undefined || at - this.last >= BURST_GAP_MS || at < this.last) {
      this.count = 0;
      this.text = '';
    }
    this.last = at;
    this.count += 1;
    if (key.length === 1) this.text += key;
    return { burst: this.count >= BURST_KEYS, text: this.text };
  }

  /** Forgets the run: the next press starts a new one. */
  reset(): void {
    this.last = undefined;
    this.count = 0;
    this.text = '';
  }
}
