import { describe, expect, it } from 'vitest';
import {
  contentHeight,
  indexAt,
  MAX_SCROLL_PX,
  maxPosition,
  offsetOf,
  positionOf,
  rowsInView,
  scrollHeight,
  scrollTopOf,
} from '../../../../renderer/src/features/jobs/scaled-scroll';

const geometry = (total: number, extras: Record<number, number> = {}) => ({ total, rowHeight: 76, extras, viewport: 760 });

describe('the queue scroll geometry', () => {
  it('scrolls natively while the list fits, one pixel of the bar one of the list', () => {
    const g = geometry(1_000);
    expect(scrollHeight(g)).toBe(76_000);
    expect(positionOf(7_600, g)).toBe(7_600);
    expect(rowsInView(7_600, g, 0)).toEqual({ first: 100, last: 109 });
  });

  it('caps a million rows under the layout limit and still reaches the last row at the bar\'s end', () => {
    const g = geometry(1_000_000);
    expect(contentHeight(g)).toBe(76_000_000);
    expect(scrollHeight(g)).toBe(MAX_SCROLL_PX);
    const end = positionOf(MAX_SCROLL_PX - 760, g);
    expect(end).toBeCloseTo(maxPosition(g), 3);
    expect(rowsInView(end, g, 0).last).toBe(999_999);
    expect(positionOf(scrollTopOf(38_000_000, g), g)).toBeCloseTo(38_000_000, 3);
    expect(indexAt(38_000_000, g)).toBe(500_000);
  });

  it('counts the height of a source job\'s opened cancelled jobs in the rows below it', () => {
    const g = geometry(100, { 3: 152 });
    expect(offsetOf(3, g)).toBe(228);
    expect(offsetOf(4, g)).toBe(76 * 4 + 152);
    expect(indexAt(76 * 4 + 100, g)).toBe(3);
    expect(indexAt(76 * 4 + 152, g)).toBe(4);
    expect(contentHeight(g)).toBe(7_600 + 152);
  });
});
