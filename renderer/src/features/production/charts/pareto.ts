import uPlot from 'uplot';
import { categoryAxis, categoryScale, indexes } from './categories';
import { fillStyle, type Fill } from './fills';
import { paretoOrder } from './stacking';
import { axis, CHART_FONT, CHART_INK, PLAIN_CHART, WHOLE_STEPS } from './theme';

export interface ParetoInput {
  /** Causes and how much each cost, in any order: the chart sorts them, largest first. */
  items: readonly { label: string; value: number }[];
  barFill: Fill;
  lineColour: string;
  yLabel: string;
  /** Writes a bar's amount (minutes, say) on the axis and above the bar. */
  formatValue: (n: number) => string;
  formatPercent: (n: number) => string;
}

/** Each bar's amount written above it: the figure is read, not guessed from the axis. */
function writeValues(format: (n: number) => string): (u: uPlot) => void {
  return (u) => {
    const values = u.data[1];
    if (!values) return;
    const ctx = u.ctx;
    ctx.save();
    ctx.font = CHART_FONT.replace(/\d+px/, `${Math.round(17 * devicePixelRatio)}px`);
    ctx.fillStyle = CHART_INK;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    values.forEach((v, i) => {
      if (v === null || v === undefined) return;
      ctx.fillText(format(v), u.valToPos(i, 'x', true), u.valToPos(v, 'y', true) - 4 * devicePixelRatio);
    });
    ctx.restore();
  };
}

/** uPlot's options and data for a Pareto chart: bars on the left scale, the cumulative percentage on the right. */
export function pareto(input: ParetoInput): { options: Omit<uPlot.Options, 'width' | 'height'>; data: uPlot.AlignedData } {
  const ordered = paretoOrder(input.items);
  const bars = uPlot.paths.bars?.({ size: [0.6, 90] });
  return {
    options: {
      ...PLAIN_CHART,
      scales: {
        x: categoryScale(ordered.length),
        y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.35)] },
        percent: { range: [0, 112] },
      },
      axes: [
        categoryAxis(ordered.map((o) => o.label)),
        axis({ values: (_u, splits) => splits.map(input.formatValue), incrs: WHOLE_STEPS, size: 70, label: input.yLabel, labelSize: 30 }),
        axis({ scale: 'percent', side: 1, grid: { show: false }, values: (_u, splits) => splits.map(input.formatPercent), size: 70, splits: () => [0, 25, 50, 75, 100] }),
      ],
      series: [
        {},
        {
          label: input.yLabel,
          stroke: '#0d1117',
          width: 1,
          fill: (u: uPlot) => fillStyle(u.ctx, input.barFill),
          ...(bars === undefined ? {} : { paths: bars }),
          points: { show: false },
        },
        { label: '%', scale: 'percent', stroke: input.lineColour, width: 4, dash: [10, 5], points: { show: true, size: 12, width: 3, fill: '#0d1117' } },
      ],
      hooks: { draw: [writeValues(input.formatValue)] },
    },
    data: [indexes(ordered.length), ordered.map((o) => o.value), ordered.map((o) => o.cumulative)],
  };
}
