/**
 * The queue's scroll geometry. Rows are one height, except a source job whose cancelled jobs are opened under it
 * (`extras`, by row index). A million rows of 76 px is past the height Chromium lays out (about 33.5M px): past
 * MAX_SCROLL_PX the scroll area keeps that height and its scroll bar is scaled, a pixel of it standing for several of
 * the list, so the bar's end is the last row. The list's position ("content" px) is then what the view keeps; the
 * scroll bar only follows it, and the wheel and keys move the list by its own pixels.
 */

/** Well under Chromium's limit, and small enough that one pixel of the bar is never more than a few rows. */
export const MAX_SCROLL_PX = 8_000_000;

export interface Geometry {
  total: number;
  rowHeight: number;
  /** Extra height under a row, by index: few entries. */
  extras: Readonly<Record<number, number>>;
  /** The visible height of the scroll area. */
  viewport: number;
}

const sortedExtras = (g: Geometry) =>
  Object.entries(g.extras)
    .map(([i, e]) => [Number(i), e] as const)
    .filter(([i, e]) => i < g.total && e > 0)
    .sort((a, b) => a[0] - b[0]);

export function contentHeight(g: Geometry): number {
  return g.total * g.rowHeight + sortedExtras(g).reduce((sum, [, e]) => sum + e, 0);
}

/** The scroll area's own height: the list's, up to MAX_SCROLL_PX. */
export const scrollHeight = (g: Geometry): number => Math.min(contentHeight(g), MAX_SCROLL_PX);

/** The furthest the list's top can be from its start. */
export const maxPosition = (g: Geometry): number => Math.max(0, contentHeight(g) - g.viewport);

/** How many of the list's pixels one pixel of the scroll bar stands for (1 below MAX_SCROLL_PX). */
function ratio(g: Geometry): number {
  const bar = Math.max(1, scrollHeight(g) - g.viewport);
  return contentHeight(g) <= MAX_SCROLL_PX ? 1 : maxPosition(g) / bar;
}

/** The list's position for a scrollTop of the scroll area. */
export const positionOf = (scrollTop: number, g: Geometry): number => Math.min(maxPosition(g), Math.max(0, scrollTop * ratio(g)));

/** The scrollTop that shows a list's position. */
export const scrollTopOf = (position: number, g: Geometry): number => position / ratio(g);

export const clampPosition = (position: number, g: Geometry): number => Math.min(maxPosition(g), Math.max(0, position));

/** Where a row starts in the list. */
export function offsetOf(index: number, g: Geometry): number {
  let offset = index * g.rowHeight;
  for (const [i, e] of sortedExtras(g)) {
    if (i >= index) break;
    offset += e;
  }
  return offset;
}

/** The row at a position of the list (a row's extra height belongs to it). */
export function indexAt(position: number, g: Geometry): number {
  if (g.total === 0) return 0;
  let start = 0;
  let from = 0;
  for (const [i, e] of sortedExtras(g)) {
    const end = start + (i - from + 1) * g.rowHeight + e;
    if (position < end) return Math.min(i, from + Math.floor((position - start) / g.rowHeight));
    start = end;
    from = i + 1;
  }
  return Math.min(g.total - 1, from + Math.floor(Math.max(0, position - start) / g.rowHeight));
}

/** The rows to draw for a position: those in view, and `overscan` more on each side. */
export function rowsInView(position: number, g: Geometry, overscan: number): { first: number; last: number } {
  if (g.total === 0) return { first: 0, last: -1 };
  const first = indexAt(position, g);
  const last = indexAt(position + Math.max(g.viewport, g.rowHeight) - 1, g);
  return { first: Math.max(0, first - overscan), last: Math.min(g.total - 1, last + overscan) };
}
