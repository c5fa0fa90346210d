import type { ShiftReport } from '../../../../shared/api/production';
import { useT } from '../../i18n/use-t';
import { AccountingTable } from './AccountingTable';
import { DowntimeTables } from './DowntimeTables';
import { useFormats } from './formats';
import { HandOverNote, SignOff } from './HandOver';
import { OpenItemsList } from './OpenItems';
import { ProductionCharts } from './ProductionCharts';
import { ReportActions } from './ReportActions';
import { useMachineLabel } from './use-machine-label';

/** One shift's frozen report: the figures as they were at hand-over, its charts, what was open, the note and sign-off. */
export function ShiftReportView({ report }: { report: ShiftReport }) {
  const t = useT();
  const f = useFormats(report.timeZone);
  const machineLabel = useMachineLabel();
  return (
    <article className="shift-report" aria-labelledby="shift-report-title">
      <ReportActions report={report} />
      <header className="shift-report-head">
        <h2 id="shift-report-title">{t('report:report.heading', { shift: report.shiftName })}</h2>
        <p className="shift-span">{t('report:report.span', { from: f.dateTime(report.from), to: f.dateTime(report.to), zone: report.timeZone })}</p>
        <p className="muted">
          {t('report:report.madeAt', { at: f.dateTime(report.madeAt) })} · {t('report:report.frozen')} · <span className="computed-label">{t('report:computed')}</span>
        </p>
        {report.lateMessages > 0 && (
          <p className="late-flag" role="note">
            <span aria-hidden="true">⚠ </span>
            {t('report:report.late', { count: report.lateMessages })}
          </p>
        )}
      </header>
      <AccountingTable groupBy="machine" rows={report.byMachine} total={report.total} f={f} groupName={(r) => machineLabel(r.key)} caption={t('report:report.byMachine')} />
      <ProductionCharts series={report.series} byMachine={report.byMachine} machineLabel={machineLabel} formats={f} />
      <DowntimeTables downtime={report.downtime} f={f} machineLabel={machineLabel} />
      {report.byBatch.length > 0 && <AccountingTable groupBy="batch" rows={report.byBatch} total={report.total} f={f} groupName={(r) => r.key} caption={t('report:report.byBatch')} notes={false} />}
      {report.byTemplate.length > 0 && (
        <AccountingTable
          groupBy="template"
          rows={report.byTemplate}
          total={report.total}
          f={f}
          groupName={(r) => r.key}
          caption={t('report:report.byTemplate')}
          notes={false}
        />
      )}
      <div className="hand-over">
        <OpenItemsList items={report.openItems} f={f} machineLabel={machineLabel} />
        <HandOverNote key={`${report.id}/${report.note?.at ?? ''}`} report={report} f={f} />
      </div>
      <SignOff report={report} f={f} />
    </article>
  );
}
