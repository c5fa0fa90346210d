import type { ProductionDowntime } from '../../../../shared/api/production';
import { useT } from '../../i18n/use-t';
import { reportedWord } from './ProductionCharts';
import type { Formats } from './formats';

/** Downtime by cause with the mean time to resume, and each machine's time running, suspended and stopped with OEE. */
export function DowntimeTables({ downtime, f, machineLabel }: { downtime: ProductionDowntime; f: Formats; machineLabel: (id: string) => string }) {
  const t = useT();
  const anyNominal = downtime.machines.some((m) => m.nominalCardsPerHour !== undefined);
  return (
    <div className="downtime">
      <div className="table-scroll">
        <table className="data-table">
          <caption className="table-caption">{t('report:downtime.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('report:downtime.cause')}</th>
              <th scope="col">{t('report:downtime.kind')}</th>
              <th scope="col" className="num">{t('report:downtime.count')}</th>
              <th scope="col" className="num">{t('report:downtime.total')}</th>
              <th scope="col" className="num">{t('report:downtime.meanToResume')}</th>
            </tr>
          </thead>
          <tbody>
            {downtime.causes.map((c) => (
              <tr key={`${c.kind}/${c.cause}`}>
                <th scope="row">{reportedWord(t, c.cause)}</th>
                <td>{t(`report:downtime.${c.kind}`)}</td>
                <td className="num">{f.count(c.count)}</td>
                <td className="num">{f.duration(c.seconds)}</td>
                <td className="num">{c.meanSecondsToResume === null ? t('report:downtime.stillStanding') : f.duration(c.meanSecondsToResume)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {downtime.causes.length === 0 && <p className="muted">{t('report:downtime.none')}</p>}
      <div className="table-scroll">
        <table className="data-table">
          <caption className="table-caption">
            {t('report:machines.title')} <span className="computed-label">({t('report:computed')})</span>
          </caption>
          <thead>
            <tr>
              {(['machine', 'running', 'suspended', 'stopped', 'unknown', 'availability', 'performance', 'quality', 'oee'] as const).map((c) => (
                <th key={c} scope="col" className={c === 'machine' ? undefined : 'num'}>
                  {t(`report:machines.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {downtime.machines.map((m) => (
              <tr key={m.machineId}>
                <th scope="row">{machineLabel(m.machineId)}</th>
                <td className="num">{f.duration(m.runningSeconds)}</td>
                <td className="num">{f.duration(m.suspendedSeconds)}</td>
                <td className="num">{f.duration(m.stoppedSeconds)}</td>
                <td className="num">{f.duration(m.unknownSeconds)}</td>
                <td className="num">{f.share(m.availability)}</td>
                <td className="num">{f.share(m.performance)}</td>
                <td className="num">{f.share(m.quality)}</td>
                <td className="num">{f.share(m.oee)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted accounting-note">
        {t('report:machines.explain')}
        {!anyNominal && ` ${t('report:machines.noNominal')}`}
      </p>
    </div>
  );
}
