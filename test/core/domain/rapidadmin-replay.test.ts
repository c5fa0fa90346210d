import { describe, expect, it } from 'vitest';
import { foldRun, REPEAT_WINDOW_MS } from '../../../electron/core/domain/rapidadmin/replay';

const first = { firstSeq: 4, firstAt: '2026-03-02T09:00:00.000Z', repeats: 0 };
const later = (ms: number) => new Date(Date.parse(first.firstAt) + ms).toISOString();

describe('runs of identical RapIDadmin deliveries', () => {
  it('counts a delivery within the window of the run\'s first as its next repeat', () => {
    expect(foldRun(first, 9, later(REPEAT_WINDOW_MS - 1))).toEqual({ run: { ...first, repeats: 1 }, repeat: true });
    expect(foldRun({ ...first, repeats: 6 }, 9, later(1000))).toEqual({ run: { ...first, repeats: 7 }, repeat: true });
  });

  it('starts a new run for the first of its kind, at the end of the window, and when the clock went back', () => {
    const fresh = (at: string) => ({ run: { firstSeq: 9, firstAt: at, repeats: 0 }, repeat: false });
    expect(foldRun(undefined, 9, first.firstAt)).toEqual(fresh(first.firstAt));
    expect(foldRun({ ...first, repeats: 30 }, 9, later(REPEAT_WINDOW_MS))).toEqual(fresh(later(REPEAT_WINDOW_MS)));
    expect(foldRun(first, 9, later(-1000))).toEqual(fresh(later(-1000)));
  });
});
