import { useT } from '../../i18n/use-t';
import { useConsole } from '../../store/context';

/**
 * What keeps webhooks from arriving, on every screen for as long as the console runs: a listener that could not open,
 * or an allow-list that admits no address. Nothing here can be acknowledged away: only a fixed configuration and a
 * restart clear it. One compact line for all of them in the band. The core's own words (title, text, what to do).
 */
export function ListenerAlerts() {
  const t = useT();
  const alerts = useConsole((s) => s.listenerAlerts);
  if (alerts.length === 0) return null;
  return (
    <section className="band-line band-bad alert-listener" role="alert" aria-labelledby="listener-alerts-title">
      <span className="band-icon" aria-hidden="true">
        ✕
      </span>
      <div>
        <h2 id="listener-alerts-title" className="band-heading">
          {t('band:listener.title')}
        </h2>
        <ul className="listener-alert-list">
          {alerts.map((a) => (
            <li key={a.id} data-alert-kind={a.id}>
              <strong>{a.title}.</strong> {a.text} <strong>{t('band:row.whatToDo')}</strong> {a.action}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
