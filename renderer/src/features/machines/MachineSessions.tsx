import type { SessionComparison } from '../../../../shared/api/health';
import { INTL_LOCALE } from '../../../../shared/i18n/languages';
import type { Translate } from '../../../../shared/i18n/translate';
import { useConsole } from '../../store/context';
import { selectBusy } from '../../store/actions';
import { healthKey, selectMachineSessions } from '../../store/health-slice';
import { useT } from '../../i18n/use-t';

/** Each difference between the machine's count and the console's, in a sentence; none when they agree. */
export function differenceSentences(t: Translate, s: SessionComparison): string[] {
  const out: string[] = [];
  const { completed, faulted } = s.difference;
  if (completed > 0) out.push(t('health:sessions.moreCompleted', { count: completed }));
  if (completed < 0) out.push(t('health:sessions.fewerCompleted', { count: -completed }));
  if (faulted > 0) out.push(t('health:sessions.moreFaulted', { count: faulted }));
  if (faulted < 0) out.push(t('health:sessions.fewerFaulted', { count: -faulted }));
  return out;
}

function SessionRow({ session, when, number }: { session: SessionComparison; when: (iso: string) => string; number: (n: number) => string }) {
  const t = useT();
  const differs = differenceSentences(t, session);
  return (
    <tr data-session-id={session.id} data-differs={differs.length > 0}>
      <td>
        {session.jobTemplateName ?? session.id}
        <br />
        {when(session.start)} – {session.end ? when(session.end) : t('health:sessions.running')}
      </td>
      <td>
        {session.machine.completed} / {session.console.completed}
      </td>
      <td>
        {session.machine.faulted} / {session.console.faulted}
      </td>
      <td>{session.machine.cardsPerHour !== undefined ? number(session.machine.cardsPerHour) : t('health:notReported')}</td>
      <td>
        {differs.length === 0 ? (
          <span className="session-same">
            <span aria-hidden="true">=</span> {t('health:sessions.same')}
          </span>
        ) : (
          differs.map((d) => (
            <span key={d} className="session-differs" role="status">
              <span aria-hidden="true">≠</span> {d}
            </span>
          ))
        )}
      </td>
    </tr>
  );
}

/**
 * AIDA 1.6's own totals per personalization session beside what the console received over the same time, read on
 * request: a difference is flagged in words (a message the console never received shows up here).
 */
export function MachineSessions({ machineId }: { machineId: string }) {
  const t = useT();
  const lang = useConsole((s) => s.language);
  const read = useConsole(selectMachineSessions(machineId));
  const busy = useConsole(selectBusy(healthKey.sessions(machineId)));
  const compare = useConsole((s) => s.compareWithMachine);
  const format = new Intl.DateTimeFormat(INTL_LOCALE[lang], { dateStyle: 'short', timeStyle: 'medium' });
  const when = (iso: string) => format.format(new Date(iso));
  const number = (n: number) => new Intl.NumberFormat(INTL_LOCALE[lang], { maximumFractionDigits: 1 }).format(n);
  const day = new Intl.DateTimeFormat(INTL_LOCALE[lang], { day: 'numeric', month: 'numeric', timeZone: 'UTC' });
  const label = t('health:sessions.compare');
  return (
    <section className="machine-sessions" aria-label={t('health:sessions.title')}>
      <button type="button" className="btn btn-compact" disabled={busy} onClick={() => void compare(machineId, label)}>
        {label}
      </button>
      {read?.state === 'not-offered' && <p className="muted">{t('health:sessions.notOffered')}</p>}
      {read?.state === 'unreachable' && <p className="warn-text">{t('health:sessions.unreachable', { detail: read.detail ?? '' })}</p>}
      {read?.state === 'read' && read.sessions.length === 0 && <p className="muted">{t('health:sessions.none')}</p>}
      {read?.state === 'read' && read.sessions.length > 0 && (
        <table>
          <caption className="muted">{t('health:sessions.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('health:sessions.session')}</th>
              <th scope="col">
                {t('health:sessions.completed')} ({t('health:sessions.machine')} / {t('health:sessions.console')})
              </th>
              <th scope="col">
                {t('health:sessions.faulted')} ({t('health:sessions.machine')} / {t('health:sessions.console')})
              </th>
              <th scope="col">{t('health:sessions.perHour')}</th>
              <th scope="col">{t('health:sessions.difference')}</th>
            </tr>
          </thead>
          <tbody>
            {read.sessions.map((s) => (
              <SessionRow key={s.id} session={s} when={when} number={number} />
            ))}
          </tbody>
        </table>
      )}
      {read?.days && read.days.length > 0 && (
        <p className="muted">
          {t('health:sessions.lastDays', { days: read.days.map((d) => `${day.format(new Date(d.date))}: ${d.count}`).join(' · ') })}
        </p>
      )}
      {read?.metrics && read.metrics['completedJobs'] !== undefined && (
        <p className="muted">
          {t('health:sessions.metrics', { completed: read.metrics['completedJobs'], faulted: read.metrics['faultedJobs'] ?? t('health:notReported') })}
        </p>
      )}
    </section>
  );
}
