import type { ActivityEntry } from '../../../../shared/api/feeds';
import { useT } from '../../i18n/use-t';
import { useFormat } from '../format';

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
  const t = useT();
  const parts = [
    entry.name ?? (entry.personId ? t('activity:item.personNotSeen') : undefined),
    entry.idNumber ? t('activity:item.id', { id: entry.idNumber }) : undefined,
    entry.cardTemplateName ?? entry.cardTemplateId,
    entry.printJobKey && entry.kind === 'printJob' ? t('activity:item.printJob', { key: entry.printJobKey }) : undefined,
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return <p className="activity-who">{parts.join(' · ')}</p>;
}

/**
 * One event of the feed: who, what changed, which documented sequence it belongs to, and everything that arrived.
 * The headline, figures, notes and flags are the core's reading of the feed, shown as it sends them.
 */
export function ActivityItem({ entry }: { entry: ActivityEntry }) {
  const t = useT();
  const format = useFormat();
  const { icon, tone } = look(entry);
  return (
    <li className={`activity-item tone-${tone}`} data-seq={entry.seq} data-event={entry.event}>
      <div className="activity-head">
        <span className={`activity-icon badge-${tone}`} aria-hidden="true">
          {icon}
        </span>
        <strong className="activity-headline">{entry.headline}</strong>
        <span className="muted">{format.time(entry.at)}</span>
        <span className="mono muted activity-event">{entry.event}</span>
      </div>
      <Who entry={entry} />
      {entry.numbers.length > 0 && (
        <p className="activity-numbers">
          {entry.numbers.map((n) => (
            <span key={n.label}>
              {n.label} <span className="mono">{n.value}</span>
              {n.previous !== undefined && (
                <span className="muted">
                  {' '}
                  ({t('activity:item.was')} <span className="mono">{n.previous}</span>)
                </span>
              )}
            </span>
          ))}
        </p>
      )}
      {entry.changes && (
        <div className="activity-changes">
          <strong>{t('activity:item.whatChanged')}</strong>
          {entry.changes.length === 0 ? (
            <span className="muted"> {t('activity:item.onlyModified')}</span>
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
          <span aria-hidden="true">↳</span> {t('activity:item.sequence')} <strong>{entry.sequence}</strong>
          {entry.steps && <span className="muted"> ({entry.steps.join(' → ')})</span>}
        </p>
      )}
      {entry.repeat && (
        <p className="activity-repeat" role="note">
          <span aria-hidden="true">⟳</span> <strong>{t('activity:item.repeated', { count: entry.repeat.count })}</strong>:{' '}
          {t('activity:item.repeatedWhy', { time: format.time(entry.repeat.firstAt) })}
        </p>
      )}
      {entry.flags.map((flag) => (
        <p key={flag} className="activity-flag" role="note">
          <span aria-hidden="true">⚠</span> {t('activity:item.broken', { flag })}
          {entry.steps && <span className="muted"> ({entry.steps.join(' → ')})</span>}
        </p>
      ))}
      {entry.notes.length > 0 && <p className="muted activity-notes">{entry.notes.join(' · ')}</p>}
      {entry.raw !== undefined && (
        <div className="activity-raw">
          <strong>{t('activity:item.raw')}</strong>
          <pre className="mono">{entry.raw}</pre>
        </div>
      )}
      {entry.fields.length > 0 && (
        <details className="activity-fields">
          <summary>{t('activity:item.allFields', { count: entry.fields.length })}</summary>
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
