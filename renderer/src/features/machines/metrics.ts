import type { Translate } from '../../../../shared/i18n/translate';
import { formatDuration } from '../../ui/duration';

/**
 * The metrics AIDA's GET …/metrics reports (RuntimeMetrics), in words (`machines:metrics.<key>`), in the order an
 * operator looks for them. Only `uptimeSeconds` names its unit; `averageJobDuration` and `frequency` are bare integers
 * in every vendor document: shown exactly as sent, and said so, never converted.
 */
const KNOWN: Record<string, 'count' | 'undocumented' | 'seconds'> = {
  jobsPerHour: 'count',
  runningJobs: 'count',
  faultedJobs: 'count',
  waitingJobs: 'count',
  completedJobs: 'count',
  averageJobDuration: 'undocumented',
  frequency: 'undocumented',
  uptimeSeconds: 'seconds',
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

/** `number` writes a count with the language's separators. */
export function metricLines(metrics: Record<string, number>, t: Translate, number: (n: number) => string): MetricLine[] {
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
      const label = known ? t(`machines:metrics.${key}`) : words(key);
      const value =
        known === 'undocumented' ? t('machines:metrics.unitNotDocumented', { value: String(n) }) : known === 'seconds' ? formatDuration(n * 1000) : number(n);
      return { key, label, value };
    });
}
