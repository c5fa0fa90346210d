import { useConsole } from '../../store/context';

/**
 * What keeps webhooks from arriving, on every screen for as long as the console runs: a listener that could not open,
 * or an allow-list that admits no address. Nothing here can be acknowledged away: only a fixed configuration and a
 * restart clear it. One compact panel for all of them, so that the machines' own alerts stay on the first screen.
 */
export function ListenerAlerts() {
  const alerts = useConsole((s) => s.listenerAlerts);
  if (alerts.length === 0) return null;
  return (
    <section className="alert alert-listener" role="alert" aria-labelledby="listener-alerts-title" aria-live="assertive">
      <div className="alert-icon" aria-hidden="true">
        ✕
      </div>
      <div className="alert-body">
        <h2 id="listener-alerts-title">Webhooks not received</h2>
        <ul className="listener-alert-list">
          {alerts.map((a) => (
            <li key={a.id} data-alert-kind={a.id}>
              <strong>{a.title}.</strong> {a.text} <strong>What to do:</strong> {a.action}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
