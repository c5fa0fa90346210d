import { act, fireEvent } from '@testing-library/react';
import { vi } from 'vitest';

/**
 * Key events with the timestamps a test chooses: what tells a hand from a barcode scanner is only how far apart the
 * keys come, so the tests set `timeStamp` themselves rather than leave it to the clock.
 */
export function keyEvent(type: 'keydown' | 'keyup', key: string, at: number, init: KeyboardEventInit = {}, target: EventTarget = document.body): KeyboardEvent {
  const event = new KeyboardEvent(type, { key, bubbles: true, cancelable: true, ...init });
  Object.defineProperty(event, 'timeStamp', { value: at });
  act(() => {
    target.dispatchEvent(event);
  });
  return event;
}

/**
 * What a handheld scanner sends for `text`: each character pressed and released `gapMs` after the one before (Shift
 * held for capitals, as a keyboard would), then Enter unless `enter` is false. Returns the time after the last key.
 */
export function scanKeys(text: string, { start = 10_000, gapMs = 5, enter = true, target = document.body as EventTarget } = {}): number {
  let at = start;
  for (const ch of [...text, ...(enter ? ['Enter'] : [])]) {
    const shiftKey = ch.length === 1 && ch !== ch.toLowerCase();
    keyEvent('keydown', ch, at, { shiftKey }, target);
    keyEvent('keyup', ch, at + 1, { shiftKey }, target);
    at += gapMs;
  }
  return at;
}

/**
 * A badge reader's burst into the field that has the focus: each key goes down and lands in the field, `gapMs` apart,
 * then Enter, as a browser would do it.
 */
export function scanInto(field: HTMLElement, text: string, { start = 50_000, gapMs = 5 } = {}): void {
  let at = start;
  for (const ch of text) {
    keyEvent('keydown', ch, at, {}, field);
    fireEvent.change(field, { target: { value: (field as HTMLInputElement).value + ch } });
    at += gapMs;
  }
  keyEvent('keydown', 'Enter', at, {}, field);
}

/**
 * Holds `key` down outside any field for `ms` on the fake clock, as an operator does for a shortcut that drives a
 * machine, then lets it go. The caller has called vi.useFakeTimers().
 */
export async function holdKey(key: string, ms: number, at = 1000): Promise<void> {
  keyEvent('keydown', key, at);
  await act(async () => {
    vi.advanceTimersByTime(ms);
  });
  keyEvent('keyup', key, at + ms);
}
