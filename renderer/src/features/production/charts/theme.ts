import type uPlot from 'uplot';

/**
 * The charts' look, read from two metres: large bold figures, light ink on the dark panel (the print stylesheet
 * inverts the canvas for paper). Colours follow styles/tokens.css.
 */
export const CHART_INK = '#f0f3f6';
export const CHART_GRID = '#30363d';
export const CHART_FONT = '600 17px "Segoe UI", "Noto Sans", "DejaVu Sans", system-ui, sans-serif';
export const CHART_LABEL_FONT = '700 17px "Segoe UI", "Noto Sans", "DejaVu Sans", system-ui, sans-serif';

/** An axis drawn in the house style; `extra` names what differs (values, label, scale, side). */
export function axis(extra: uPlot.Axis): uPlot.Axis {
  return {
    stroke: CHART_INK,
    font: CHART_FONT,
    labelFont: CHART_LABEL_FONT,
    grid: { stroke: CHART_GRID, width: 1 },
    ticks: { stroke: CHART_GRID, width: 1, size: 6 },
    ...extra,
  };
}

/** Steps of a scale that counts (cards, faults, seconds): whole numbers only, never "0.5 cards". */
export const WHOLE_STEPS = [
  1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1_000, 2_000, 2_500, 5_000, 10_000, 20_000, 50_000, 100_000, 250_000, 500_000, 1_000_000,
];

/** What every chart leaves out: uPlot's own legend (ours names each series in words) and the hover cursor (gloves). */
export const PLAIN_CHART: Pick<uPlot.Options, 'legend' | 'cursor' | 'select'> = {
  legend: { show: false },
  cursor: { show: false },
  select: { show: false, left: 0, top: 0, width: 0, height: 0 },
};
