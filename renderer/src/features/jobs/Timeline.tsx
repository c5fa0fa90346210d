import { useState } from 'react';
import { MESSAGE_TYPES, describe } from '../../../../shared/aida/vocabulary';
import type { TimelineEntry } from '../../../../shared/api/records';
import { formatTime } from '../format';

const field = (message: unknown, key: string): string | undefined => {
  if (typeof message !== 'object' || message === null) return undefined;
  const value = (message as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
};

function Entry({ entry }: { entry: TimelineEntry }) {
  const [open, setOpen] = useState(false);
  const status = field(entry.message, 'jobStatus');
  const errorCode = field(entry.message, 'errorCode');
  const known = MESSAGE_TYPES.some((t) => t.name === entry.type);
  const bodyId = `timeline-body-${entry.seq}`;
  return (
    <li className="timeline-entry" data-seq={entry.seq}>
      <div className="timeline-head">
        <span className="mono">{formatTime(entry.receivedAt)}</span>
        <strong>{entry.type}</strong>
        {status && <span>status {status}</span>}
        {errorCode && errorCode !== 'NoErrors' && <span>error {errorCode}</span>}
        <button type="button" className="btn btn-small" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
          {open ? 'Hide raw JSON' : 'Show raw JSON'}
        </button>
      </div>
      {known && <p className="timeline-text">{describe(MESSAGE_TYPES, entry.type).text}</p>}
      {open && (
        <div id={bodyId}>
          {entry.raw !== undefined ? (
            <p className="muted">The body exactly as the machine posted it:</p>
          ) : (
            <p className="muted">Recorded by the console itself (no webhook body): the message it acted on.</p>
          )}
          <pre className="raw-json" aria-label={`Raw JSON of the ${entry.type} message`}>
            {entry.raw ?? JSON.stringify(entry.message, null, 2)}
          </pre>
        </div>
      )}
    </li>
  );
}

/** Every message logged for a job, oldest first, each with the JSON it arrived as. */
export function Timeline({ entries }: { entries: readonly TimelineEntry[] }) {
  if (entries.length === 0) return <p className="muted">No message is logged for this job.</p>;
  return (
    <ol className="timeline">
      {entries.map((e) => (
        <Entry key={e.seq} entry={e} />
      ))}
    </ol>
  );
}
