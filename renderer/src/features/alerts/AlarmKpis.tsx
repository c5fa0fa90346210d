import { useEffect } from 'react';
import type { AlarmKpis as Kpis } from '../../../../shared/api/alerts';
import { alertTexts } from '../../../../shared/alerts/alert-texts';
import { INTL_LOCALE } from '../../../../shared/i18n/languages';
import type { Translate } from '../../../../shared/i18n/translate';
import { useT } from '../../i18n/use-t';
import { useConsole } from '../../store/context';
import { formatDateTime } from '../format';

/** The rating in a shape and a word as well as a colour: the figure is read from across the room. */
const RATING_SHAPE: Record<Kpis['rating'], string> = { acceptable: '✓', manageable: '▲', overloaded: '◆' };

const title = (t: Translate, locale: string, a: { kind: Kpis['standing'][number]['kind']; code?: string | undefined; machineLabel: string }) =>
  alertTexts(t, { kind: a.kind, code: a.code, machineLabel: a.machineLabel, machineId: a.machineLabel }, locale).title;

function Figures({ kpis }: { kpis: Kpis }) {
  const t = useT();
  const locale = INTL_LOCALE[useConsole((s) => s.language)];
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  // A quiet week is well under one an hour: two decimals keep it from reading "0".
  const rate = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const percent = (share: number) => number.format(share * 100);
  return (
    <>
      <dl className="kpi-figures">
        <div className="kpi-figure">
          <dt>{t('alarmHistory:kpi.perHour')}</dt>
          <dd>
            <span className="kpi-value">{t('alarmHistory:kpi.perHourValue', { value: rate.format(kpis.perHour) })}</span>{' '}
            <span className={`kpi-rating kpi-${kpis.rating}`}>
              <span aria-hidden="true">{RATING_SHAPE[kpis.rating]}</span> {t(`alarmHistory:kpi.rating.${kpis.rating}`)}
            </span>
            <span className="kpi-target">
              {t('alarmHistory:kpi.target', { acceptable: kpis.targets.acceptablePerHour, manageable: kpis.targets.manageablePerHour })}
            </span>
          </dd>
        </div>
        <div className="kpi-figure">
          <dt>{t('alarmHistory:kpi.busiest')}</dt>
          <dd>
            <span className="kpi-value">
              {kpis.busiest10Minutes
                ? t('alarmHistory:kpi.busiestValue', { count: kpis.busiest10Minutes.count, start: formatDateTime(kpis.busiest10Minutes.start) })
                : t('alarmHistory:kpi.busiestNone')}
            </span>
            <span className="kpi-target">
              {t('alarmHistory:kpi.floodTarget', { count: kpis.targets.floodPer10Minutes })} · {t('alarmHistory:kpi.floodShare', { percent: percent(kpis.floodShare) })}
            </span>
          </dd>
        </div>
      </dl>
      <p className="muted">{t('alarmHistory:kpi.total', { total: kpis.total, suppressed: kpis.suppressed })}</p>
      <div className="kpi-lists">
        <div>
          <h3>{t('alarmHistory:kpi.standing')}</h3>
          {kpis.standing.length === 0 ? (
            <p className="muted">{t('alarmHistory:kpi.standingNone')}</p>
          ) : (
            <ul>
              {kpis.standing.map((s) => (
                <li key={s.id}>{t('alarmHistory:kpi.standingItem', { alert: title(t, locale, s), machine: s.machineLabel, hours: number.format(s.hours) })}</li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h3>{t('alarmHistory:kpi.chattering')}</h3>
          {kpis.chattering.length === 0 ? (
            <p className="muted">{t('alarmHistory:kpi.chatteringNone')}</p>
          ) : (
            <ul>
              {kpis.chattering.map((c, i) => (
                <li key={i}>
                  {t('alarmHistory:kpi.chatteringItem', { alert: title(t, locale, c), machine: c.machineLabel, count: c.count, first: formatDateTime(c.firstAt) })}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h3>{t('alarmHistory:kpi.causes')}</h3>
          {kpis.topCauses.length === 0 ? (
            <p className="muted">{t('alarmHistory:kpi.causesNone')}</p>
          ) : (
            <ol>
              {kpis.topCauses.map((c) => (
                <li key={c.cause}>{t('alarmHistory:kpi.causeItem', { cause: t(`alerts:cause.${c.cause}`), count: c.count, percent: percent(c.share) })}</li>
              ))}
            </ol>
          )}
        </div>
      </div>
    </>
  );
}

/**
 * How the alarms of the last 7 days measure against ISA-18.2: alerts per hour and the busiest 10 minutes against the
 * targets, alerts standing over a day, alerts chattering, and the causes behind most of them. Read again whenever the
 * open alerts change.
 */
export function AlarmKpis() {
  const t = useT();
  const kpis = useConsole((s) => s.alarmKpis);
  const error = useConsole((s) => s.alarmKpisError);
  const load = useConsole((s) => s.loadAlarmKpis);
  const active = useConsole((s) => s.alerts);
  useEffect(() => {
    void load();
  }, [load, active]);
  return (
    <section className="panel alarm-kpis" aria-labelledby="alarm-kpis-title">
      <h2 id="alarm-kpis-title">{t('alarmHistory:kpi.title')}</h2>
      {error ? (
        <p className="error-text" role="alert">
          {t('alarmHistory:kpi.failed', { error })}
        </p>
      ) : kpis ? (
        <Figures kpis={kpis} />
      ) : (
        <p className="muted">{t('alarmHistory:kpi.loading')}</p>
      )}
    </section>
  );
}
