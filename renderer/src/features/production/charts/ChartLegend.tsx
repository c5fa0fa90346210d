import { useEffect, useRef } from 'react';
import { paintTile, type Fill } from './fills';

function Swatch({ fill }: { fill: Fill }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (canvas.current) paintTile(canvas.current, fill);
  }, [fill]);
  return <canvas ref={canvas} className="legend-swatch" width={36} height={24} aria-hidden="true" />;
}

/** A dashed line with a point, as the chart draws a line series. */
function LineSwatch({ colour }: { colour: string }) {
  return (
    <svg className="legend-swatch" width={36} height={24} aria-hidden="true">
      <line x1={0} y1={12} x2={36} y2={12} stroke={colour} strokeWidth={4} strokeDasharray="10 5" />
      <circle cx={18} cy={12} r={5} fill="#0d1117" stroke={colour} strokeWidth={3} />
    </svg>
  );
}

export type LegendItem = { label: string; fill: Fill } | { label: string; line: string };

/** What each series is, in words beside its pattern: never colour alone. */
export function ChartLegend({ items }: { items: readonly LegendItem[] }) {
  return (
    <ul className="chart-legend">
      {items.map((item) => (
        <li key={item.label}>
          {'fill' in item ? <Swatch fill={item.fill} /> : <LineSwatch colour={item.line} />}
          {item.label}
        </li>
      ))}
    </ul>
  );
}
