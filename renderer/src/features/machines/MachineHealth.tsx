import type { ReactNode } from 'react';
import type { MachineHealthView } from '../../../../shared/api/machine-health';
import { INTL_LOCALE } from '../../../../shared/i18n/languages';
import { useConsole } from '../../store/context';
import { useT } from '../../i18n/use-t';
import { feederText, systemStatusText, warningText } from '../../../../shared/health/health-words';
import './health.css';

const LEVEL_ICON = { now: '■', ahead: '▲' } as const;

/** One line of facts: its label, then each item, or "not reported" where the machine said nothing. */
function Facts({ label, items }: { label: string; items: readonly string[] | undefined }) {
  const t = useT();
  return (
    <div className="health-facts">
      <dt>{label}</dt>
      <dd>{items === undefined || items.length === 0 ? <span className="muted">{t('health:notReported')}</span> : items.join(' · ')}</dd>
    </div>
  );
}

/**
 * The machine's health as its own API reports it (`system/status`, and on AIDA 1.6 box systems `machine/status`):
 * first what stops issuance now or will stop it soon, each with its level in words and a shape, then covers, feeders,
 * transport and laser. Where the machine reports nothing, it says so.
 */
export function MachineHealth({ health, more }: { health: MachineHealthView; /** Shown with the facts, on request. */ more?: ReactNode }) {
  const t = useT();
  const lang = useConsole((s) => s.language);
  const time = new Intl.DateTimeFormat(INTL_LOCALE[lang], { timeStyle: 'medium' }).format(new Date(health.at));
  if (!health.offers.systemStatus && !health.offers.machineStatus) {
    return (
      <section className="machine-health" aria-label={t('health:title')}>
        <h3>
          {t('health:title')}: <span className="muted health-none">{t('health:notOffered')}</span>
        </h3>
        {more}
      </section>
    );
  }
  const machine = health.offers.machineStatus;
  return (
    <section className="machine-health" aria-label={t('health:title')}>
      <h3>
        {t('health:title')}: <span className="health-status">{systemStatusText(t, health.systemStatus)}</span>
        <span className="health-asked muted">{t('health:asked', { time })}</span>
        {health.warnings.length === 0 && (
          <span className="health-none">
            <span aria-hidden="true">✓</span> {t('health:noWarnings')}
          </span>
        )}
      </h3>
      {health.warnings.length > 0 && (
        <ul className="health-warnings">
          {health.warnings.map((w) => (
            <li key={`${w.code}:${w.subject ?? ''}`} className={`health-warning health-${w.level}`} data-level={w.level} data-code={w.code}>
              <strong>
                <span aria-hidden="true">{LEVEL_ICON[w.level]}</span> {t(`health:${w.level}`)}:
              </strong>{' '}
              {warningText(t, w)}
            </li>
          ))}
        </ul>
      )}
      {/* The facts behind the verdict, on request: the warnings above are what must be seen; the queue stays in view. */}
      {(machine || more) && (
        <details className="health-details">
          <summary>{t('health:details')}</summary>
          {machine && (
            <dl className="health-list">
              <Facts
                label={t('health:covers')}
                items={health.interlocks?.map((i) => t(i.open ? 'health:coverOpen' : 'health:coverClosed', { name: i.name }))}
              />
              <Facts label={t('health:feeders')} items={health.feeders?.map((f) => feederText(t, f))} />
              <Facts
                label={t('health:transport')}
                items={
                  health.transport && [
                    ...(health.transport.busy !== undefined ? [t(health.transport.busy ? 'health:transportMoving' : 'health:transportStill')] : []),
                    ...health.transport.modules.map((m) => `${m.name}: ${m.status}`),
                  ]
                }
              />
              <Facts
                label={t('health:laser')}
                items={health.laserBoards?.map((b) => t('health:laserState', { name: b.name, state: b.laser ?? t('health:notReported') }))}
              />
            </dl>
          )}
          {more}
        </details>
      )}
    </section>
  );
}
