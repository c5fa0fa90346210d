import type uPlot from 'uplot';
import { axis } from './theme';

/**
 * Bars over named categories (hours of a shift, machines, causes, error codes): uPlot plots numbers, so category i
 * sits at x = i and the x axis writes its name.
 */
export function categoryScale(count: number): uPlot.Scale {
  return { time: false, range: () => [-0.5, Math.max(count, 1) - 0.5] };
}

/** Roughly how wide a character of the axis font is, in CSS pixels: enough to keep names from running together. */
const CHAR_PX = 10;

/**
 * Every category gets its tick; names are written only as often as they fit (every hour on a wide chart, every
 * second or third on a narrow one) and shortened past 14 characters, whole in the chart's legend and tables.
 */
export function categoryAxis(names: readonly string[], label?: string): uPlot.Axis {
  const widest = Math.min(14, Math.max(1, ...names.map((n) => n.length)));
  return axis({
    splits: () => names.map((_, i) => i),
    values: (u, splits) => {
      const plotWidth = u.bbox.width / devicePixelRatio;
      const step = Math.max(1, Math.ceil((names.length * (widest * CHAR_PX + 16)) / Math.max(plotWidth, 1)));
      return splits.map((i) => {
        const name = names[i] ?? '';
        if (i % step !== 0) return '';
        return name.length > 14 ? `${name.slice(0, 13)}…` : name;
      });
    },
    size: 48,
    ...(label === undefined ? {} : { label, labelSize: 30 }),
  });
}

export const indexes = (count: number): number[] => Array.from({ length: count }, (_, i) => i);
