import type { ActivityEntry } from '../../../../shared/api/feeds';
import { formatTime } from '../format';

/** An icon and a tone per event, always beside the words: never colour alone. */
function look(entry: ActivityEntry): { icon: string; tone: string } {
  if (!entry.readable) return { icon: '?', tone: 'warn' };
  if (entry.event.endsWith('PrintJob.Failed')) return { icon: '✕', tone: 'bad' };
  if (entry.event.endsWith('PrintJob.Complete')) return { icon: '✓', tone: 'ok' };
  if (entry.event.endsWith('PrintJob.Started')) return { icon: '▶', tone: 'info' };
  if (entry.event.endsWith('Person.Deleted')) return { icon: '⊘', tone: 'muted' };
  if (entry.kind === 'unknown') return { icon: '?', tone: 'muted' };
  return { icon: '●', tone: 'info' };
}

function Who({ entry }: { entry: ActivityEntry }) {
  const parts = [
    entry.name ?? (entry.personId ? 'Person not seen yet' : undefined),
    entry.idNumber ? `ID ${entry.idNumber}` : undefined,
    entry.cardTemplateName ?? entry.cardTemplateId,
    entry.printJobKey && entry.kind === 'printJob' ? `print job ${entry.printJobKey}` : undefined,
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return <p className="activity-who">{parts.join(' · ')}</p>;
}

/** One event of the feed: who, what changed, which documented sequence it belongs to, and everything that arrived. */
export function ActivityItem({ entry }: { entry: ActivityEntry }) {
  const { icon, tone } = look(entry);
  return (
    <li className={`activity-item tone-${tone}`} data-seq={entry.seq} data-event={entry.event}>
      <div className="activity-head">
        <span className={`activity-icon badge-${tone}`} aria-hidden="true">
          {icon}
        </span>
        <strong className="activity-headline">{entry.headline}</strong>
        <span className="muted">{formatTime(entry.at)}</span>
        <span className="mono muted activity-event">{entry.event}</span>
      </div>
      <Who entry={entry} />
      {entry.numbers.length > 0 && (
        <p className="activity-numbers">
          {entry.numbers.map((n) => (
            <span key={n.label}>
              {n.label} <span className="mono">{n.value}</span>
              {n.previous !== undefined && <span className="muted"> (was <span className="mono">{n.previous}</span>)</span>}
            </span>
          ))}
        </p>
      )}
      {entry.changes && (
        <div className="activity-changes">
          <strong>What changed:</strong>
          {entry.changes.length === 0 ? (
            <span className="muted"> nothing but the modification time</span>
          ) : (
            <ul>
              {entry.changes.map((c) => (
                <li key={c.field}>
                  <span className="mono">{c.field}</span>: {c.from ?? '—'} → {c.to ?? '—'}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {entry.sequence && (
        <p className="activity-sequence">
          <span aria-hidden="true">↳</span> Documented sequence: <strong>{entry.sequence}</strong>
          {entry.steps && <span className="muted"> ({entry.steps.join(' → ')})</span>}
        </p>
      )}
      {entry.repeat && (
        <p className="activity-repeat" role="note">
          <span aria-hidden="true">⟳</span> <strong>Repeated ×{entry.repeat.count}</strong>: the same event and body arrived at{' '}
          {formatTime(entry.repeat.firstAt)}, less than 5 minutes before. A replay of a recorded delivery looks like this, and so
          does a real event that happened again. No new alert.
        </p>
      )}
      {entry.flags.map((flag) => (
        <p key={flag} className="activity-flag" role="note">
          <span aria-hidden="true">⚠</span> Sequence broken: {flag}
          {entry.steps && <span className="muted"> ({entry.steps.join(' → ')})</span>}
        </p>
      ))}
      {entry.notes.length > 0 && <p className="muted activity-notes">{entry.notes.join(' · ')}</p>}
      {entry.raw !== undefined && (
        <div className="activity-raw">
          <strong>Body as received (not readable as JSON):</strong>
          <pre className="mono">{entry.raw}</pre>
        </div>
      )}
      {entry.fields.length > 0 && (
        <details className="activity-fields">
          <summary>All fields as received ({entry.fields.length})</summary>
          <dl>
            {entry.fields.map((f) => (
              <div key={f.name}>
                <dt className="mono">{f.name}</dt>
                <dd className="mono">{f.value === '' ? '""' : f.value}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
    </li>
  );
}
