import { describe, expect, it } from 'vitest';
import { BURST_GAP_MS, BURST_KEYS, BurstDetector } from '../../../../renderer/src/features/keyboard/key-bursts';

/** Presses each key at the given times and returns whether each press was part of a burst. */
function bursts(keys: [key: string, at: number][]): boolean[] {
  const detector = new BurstDetector();
  return keys.map(([key, at]) => detector.press(key, at).burst);
}

describe('telling a scanner from a hand by timing alone', () => {
  it(`is a burst from the ${BURST_KEYS}th key under ${BURST_GAP_MS} ms apart, and not before`, () => {
    expect(bursts([['B', 0], ['A', 49], ['T', 98], ['C', 147], ['H', 196]])).toEqual([false, false, false, true, true]);
  });

  it('is no burst when the keys come 50 ms apart or more, as the quickest typist’s do', () => {
    expect(bursts([['r', 0], ['e', 50], ['s', 100], ['u', 150], ['m', 200]])).toEqual([false, false, false, false, false]);
  });

  it('never takes moving the focus for a scan, however fast: Tab and the arrows end a run', () => {
    expect(bursts([['Tab', 0], ['Tab', 5], ['Tab', 10], ['Tab', 15], ['ArrowDown', 20]])).toEqual([false, false, false, false, false]);
    expect(bursts([['B', 0], ['A', 5], ['T', 10], ['Tab', 15], ['C', 20]])).toEqual([false, false, false, false, false]);
  });

  it('starts over after a pause, and counts Shift for the timing but not as text', () => {
    const detector = new BurstDetector();
    for (const [key, at] of [['a', 0], ['b', 5], ['c', 10]] as const) detector.press(key, at);
    expect(detector.press('d', 100)).toEqual({ burst: false, text: 'd' });
    detector.press('Shift', 105);
    detector.press('R', 106);
    expect(detector.press('7', 110)).toEqual({ burst: true, text: 'dR7' });
  });
});
