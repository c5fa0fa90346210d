import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSpec {
  options: Omit<uPlot.Options, 'width' | 'height'>;
  data: uPlot.AlignedData;
}

/**
 * One uPlot chart, as wide as its box and `height` pixels high, redrawn when its box changes size. uPlot draws on a
 * canvas from plain code (no inline script, no eval, styles set through the DOM), so the page's Content-Security-Policy
 * holds. The chart's words are in its legend and its `label` (read by screen readers as one picture).
 */
export function UplotChart({ spec, height, label }: { spec: ChartSpec; height: number; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return undefined;
    const chart = new uPlot({ ...spec.options, width: Math.max(el.clientWidth, 200), height }, spec.data, el);
    const resized = new ResizeObserver(() => {
      const width = Math.max(el.clientWidth, 200);
      if (width !== chart.width) chart.setSize({ width, height });
    });
    resized.observe(el);
    return () => {
      resized.disconnect();
      chart.destroy();
    };
  }, [spec, height]);
  return <div ref={box} className="chart-box" role="img" aria-label={label} />;
}
