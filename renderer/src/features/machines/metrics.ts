import { formatDuration } from '../../ui/duration';

/** A number whose unit neither the seed nor the OpenAPI states: shown exactly as sent, and said so, never converted. */
const unitNotDocumented = (n: number) => `${String(n)} (unit not documented)`;

/**
 * The metrics AIDA's GET …/metrics reports (RuntimeMetrics), in words, in the order an operator looks for them. Only
 * `uptimeSeconds` names its unit; `averageJobDuration` and `frequency` are bare integers in every vendor document.
 */
const KNOWN: Record<string, { label: string; format?: (n: number) => string }> = {
  jobsPerHour: { label: 'Jobs per hour' },
  runningJobs: { label: 'Running' },
  faultedJobs: { label: 'Faulted' },
  waitingJobs: { label: 'Waiting' },
  completedJobs: { label: 'Completed' },
  averageJobDuration: { label: 'Average job duration', format: unitNotDocumented },
  frequency: { label: 'Frequency', format: unitNotDocumented },
  uptimeSeconds: { label: 'Up for', format: (s) => formatDuration(s * 1000) },
};

/** camelCase as words: a metric this console does not know is still shown, under its own name. */
const words = (key: string) => {
  const spaced = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1).toLowerCase();
};

export interface MetricLine {
  key: string;
  label: string;
  value: string;
}

export function metricLines(metrics: Record<string, number>): MetricLine[] {
  const order = Object.keys(KNOWN);
  return Object.entries(metrics)
    .sort(([a], [b]) => {
      const ia = order.indexOf(a);
      const ib = order.indexOf(b);
      if (ia !== -1 || ib !== -1) return (ia === -1 ? order.length : ia) - (ib === -1 ? order.length : ib);
      return a.localeCompare(b);
    })
    .map(([key, n]) => {
      const known = KNOWN[key];
      return { key, label: known?.label ?? words(key), value: known?.format ? known.format(n) : n.toLocaleString('en') };
    });
}
