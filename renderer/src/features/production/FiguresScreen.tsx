import { useCallback, useEffect } from 'react';
import { useT } from '../../i18n/use-t';
import { useConsole } from '../../store/context';
import { AccountingTable } from './AccountingTable';
import { DowntimeTables } from './DowntimeTables';
import { useFormats } from './formats';
import { groupName } from './group-name';
import { ProductionChoices } from './ProductionChoices';
import { ProductionCharts } from './ProductionCharts';
import { useMachineLabel } from './use-machine-label';

/** The production of any range as it stands now: accounting, downtime, time per machine and the charts. */
export function FiguresScreen() {
  const t = useT();
  const choice = useConsole((s) => s.productionChoice);
  const figures = useConsole((s) => s.productionFigures);
  const load = useConsole((s) => s.loadProductionFigures);
  const refresh = useCallback(() => void load(new Date()), [load]);
  useEffect(refresh, [refresh, choice]);
  const loaded = figures?.state === 'loaded' ? figures.value : undefined;
  const f = useFormats(loaded?.summary.timeZone);
  const machineLabel = useMachineLabel();
  return (
    <div className="production-figures">
      <ProductionChoices onRefresh={refresh} />
      {figures?.state === 'failed' && (
        <p className="error-text" role="alert">
          {t('report:loadFailed', { reason: figures.error })}
        </p>
      )}
      {figures?.state === 'loading' && <p className="muted">{t('report:loading')}</p>}
      {loaded && (
        <>
          <p className="production-range">
            {t('report:rangeShown', { from: f.dateTime(loaded.summary.from), to: f.dateTime(loaded.summary.to), zone: loaded.summary.timeZone })}
            {' · '}
            <span className="computed-label">{t('report:computed')}</span>
          </p>
          <AccountingTable
            groupBy={loaded.summary.groupBy}
            rows={loaded.summary.rows}
            total={loaded.summary.total}
            f={f}
            groupName={groupName(loaded.summary.groupBy, f, machineLabel)}
            caption={t('report:accounting.title')}
          />
          <ProductionCharts
            series={loaded.series}
            byMachine={loaded.byMachine}
            machineLabel={machineLabel}
            formats={f}
          />
          <DowntimeTables downtime={loaded.downtime} f={f} machineLabel={machineLabel} />
        </>
      )}
    </div>
  );
}
