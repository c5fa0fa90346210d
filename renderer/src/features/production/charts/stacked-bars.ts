import uPlot from 'uplot';
import { categoryAxis, categoryScale, indexes } from './categories';
import { fillStyle, type Fill } from './fills';
import { stackTotals } from './stacking';
import { axis, PLAIN_CHART, WHOLE_STEPS } from './theme';

/** One layer of a stack: what it counts, in words, how it is filled, and its count per category. */
export interface StackLayer {
  key: string;
  label: string;
  fill: Fill;
  values: readonly number[];
}

export interface StackedBarsInput {
  categories: readonly string[];
  /** Bottom layer first. */
  layers: readonly StackLayer[];
  /** What the height counts ("cards"). */
  yLabel: string;
  /** Writes a count on the y axis (the page's locale). */
  formatCount: (n: number) => string;
}

/** uPlot's options and data for stacked bars; the chart's width and height are the wrapper's. */
export function stackedBars(input: StackedBarsInput): { options: Omit<uPlot.Options, 'width' | 'height'>; data: uPlot.AlignedData } {
  const n = input.categories.length;
  const totals = stackTotals(input.layers, n);
  const drawOrder = input.layers.map((layer, k) => ({ layer, values: totals[k] ?? [] })).reverse();
  const bars = uPlot.paths.bars?.({ size: [0.7, 90], gap: 2 });
  return {
    options: {
      ...PLAIN_CHART,
      scales: { x: categoryScale(n), y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.08)] } },
      axes: [
        categoryAxis(input.categories),
        axis({ values: (_u, splits) => splits.map(input.formatCount), incrs: WHOLE_STEPS, size: 70, label: input.yLabel, labelSize: 30 }),
      ],
      series: [
        {},
        ...drawOrder.map(({ layer }) => ({
          label: layer.label,
          stroke: '#0d1117',
          width: 1,
          fill: (u: uPlot) => fillStyle(u.ctx, layer.fill),
          ...(bars === undefined ? {} : { paths: bars }),
          points: { show: false },
        })),
      ],
    },
    data: [indexes(n), ...drawOrder.map((d) => d.values)],
  };
}
