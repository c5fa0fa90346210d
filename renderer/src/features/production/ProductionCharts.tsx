import { useMemo } from 'react';
import type { ProductionRow, ProductionSeries } from '../../../../shared/api/production';
import type { Translate } from '../../../../shared/i18n/translate';
import { useT } from '../../i18n/use-t';
import { ChartLegend, type LegendItem } from './charts/ChartLegend';
import { pareto } from './charts/pareto';
import { stackedBars } from './charts/stacked-bars';
import { UplotChart, type ChartSpec } from './charts/UplotChart';
import type { Formats } from './formats';
import { CUMULATIVE_LINE, DOWNTIME_FILL, FAULT_FILL, NOT_REPORTED, OUTCOME_FILLS, OUTCOMES } from './outcomes';

const HEIGHT = 260;

/** A cause or error code as the core gives it, or "not reported" in words when the message named none. */
export const reportedWord = (t: Translate, word: string): string => (word === NOT_REPORTED ? t('report:downtime.notReported') : word);

interface ChartCardProps {
  title: string;
  spec: ChartSpec;
  legend: readonly LegendItem[];
  empty: boolean;
  /** The chart's figures in words, for a screen reader. */
  summary: string;
}

function ChartCard({ title, spec, legend, empty, summary }: ChartCardProps) {
  const t = useT();
  return (
    <figure className="chart-card">
      <figcaption className="chart-title">{title}</figcaption>
      {empty ? <p className="muted">{t('report:chart.empty')}</p> : <UplotChart spec={spec} height={HEIGHT} label={summary} />}
      {!empty && <ChartLegend items={legend} />}
    </figure>
  );
}

/**
 * The four charts of a range or a shift: cards per hour stacked by outcome, cards per machine stacked the same way,
 * downtime by cause as a Pareto, faults by error code.
 */
export function ProductionCharts({ series, byMachine, machineLabel, formats }: {
  series: ProductionSeries;
  byMachine: readonly ProductionRow[];
  machineLabel: (id: string) => string;
  formats: Formats;
}) {
  const t = useT();
  const reported = (word: string) => reportedWord(t, word);
  const outcomeLegend = OUTCOMES.map((o) => ({ label: t(`report:outcome.${o}`), fill: OUTCOME_FILLS[o] }));
  const describe = (title: string, items: string[]) => t('report:chart.summary', { title, items: items.join('; ') });

  const hours = useMemo(
    () =>
      stackedBars({
        categories: series.cardsPerHour.map((b) => formats.hour(b.at)),
        layers: OUTCOMES.map((o) => ({ key: o, label: t(`report:outcome.${o}`), fill: OUTCOME_FILLS[o], values: series.cardsPerHour.map((b) => b[o]) })),
        yLabel: t('report:chart.cards'),
        formatCount: formats.count,
      }),
    [series.cardsPerHour, formats, t],
  );
  const machines = useMemo(
    () =>
      stackedBars({
        categories: byMachine.map((r) => machineLabel(r.key)),
        layers: OUTCOMES.map((o) => ({ key: o, label: t(`report:outcome.${o}`), fill: OUTCOME_FILLS[o], values: byMachine.map((r) => r.counts[o]) })),
        yLabel: t('report:chart.cards'),
        formatCount: formats.count,
      }),
    [byMachine, machineLabel, formats, t],
  );
  // Short stands (a training shift, a good day) are drawn in seconds: in minutes they would all be nought.
  const unit = Math.max(0, ...series.downtimeByCause.map((c) => c.seconds)) < 120 ? 'seconds' : 'minutes';
  const downtime = useMemo(
    () =>
      pareto({
        items: series.downtimeByCause.map((c) => ({ label: reportedWord(t, c.cause), value: Math.round(c.seconds / (unit === 'seconds' ? 1 : 60)) })),
        barFill: DOWNTIME_FILL,
        lineColour: CUMULATIVE_LINE,
        yLabel: t(`report:chart.${unit}`),
        formatValue: formats.count,
        formatPercent: formats.percent,
      }),
    [series.downtimeByCause, formats, t, unit],
  );
  const faults = useMemo(
    () =>
      stackedBars({
        categories: series.faultsByErrorCode.map((f) => reportedWord(t, f.errorCode)),
        layers: [{ key: 'faults', label: t('report:chart.faultsLegend'), fill: FAULT_FILL, values: series.faultsByErrorCode.map((f) => f.count) }],
        yLabel: t('report:chart.faultCount'),
        formatCount: formats.count,
      }),
    [series.faultsByErrorCode, formats, t],
  );

  const hourTotals = series.cardsPerHour.map((b) => `${formats.hour(b.at)} ${OUTCOMES.map((o) => `${t(`report:outcome.${o}`)} ${formats.count(b[o])}`).join(', ')}`);
  return (
    <div className="chart-grid">
      <ChartCard
        title={t('report:chart.cardsPerHour')}
        spec={hours}
        legend={outcomeLegend}
        empty={series.cardsPerHour.every((b) => OUTCOMES.every((o) => b[o] === 0))}
        summary={describe(t('report:chart.cardsPerHour'), hourTotals)}
      />
      <ChartCard
        title={t('report:chart.byMachine')}
        spec={machines}
        legend={outcomeLegend}
        empty={byMachine.length === 0}
        summary={describe(t('report:chart.byMachine'), byMachine.map((r) => `${machineLabel(r.key)} ${formats.count(r.counts.completed)}`))}
      />
      <ChartCard
        title={t('report:chart.pareto')}
        spec={downtime}
        legend={[{ label: t('report:chart.minutesStood', { unit: t(`report:chart.${unit}`) }), fill: DOWNTIME_FILL }, { label: t('report:chart.cumulative'), line: CUMULATIVE_LINE }]}
        empty={series.downtimeByCause.length === 0}
        summary={describe(t('report:chart.pareto'), series.downtimeByCause.map((c) => `${reported(c.cause)} ${formats.duration(c.seconds)}`))}
      />
      <ChartCard
        title={t('report:chart.faults')}
        spec={faults}
        legend={[{ label: t('report:chart.faultsLegend'), fill: FAULT_FILL }]}
        empty={series.faultsByErrorCode.length === 0}
        summary={describe(t('report:chart.faults'), series.faultsByErrorCode.map((f) => `${reported(f.errorCode)} ${formats.count(f.count)}`))}
      />
    </div>
  );
}
