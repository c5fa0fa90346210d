import { useState } from 'react';
import { MESSAGE_TYPES } from '../../../../shared/aida/vocabulary';
import { describe, jobStatusLabel } from '../../../../shared/aida/vocabulary-texts';
import type { TimelineEntry } from '../../../../shared/api/records';
import { useT } from '../../i18n/use-t';
import { useFormat } from '../format';

const field = (message: unknown, key: string): string | undefined => {
  if (typeof message !== 'object' || message === null) return undefined;
  const value = (message as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
};

function Entry({ entry }: { entry: TimelineEntry }) {
  const t = useT();
  const format = useFormat();
  const [open, setOpen] = useState(false);
  const status = field(entry.message, 'jobStatus');
  const errorCode = field(entry.message, 'errorCode');
  const statusLabel = status === undefined ? undefined : jobStatusLabel(t, status);
  const faultCode = errorCode !== undefined && errorCode !== 'NoErrors' ? errorCode : undefined;
  const known = MESSAGE_TYPES.some((m) => m.name === entry.type);
  const bodyId = `timeline-body-${entry.seq}`;
  return (
    <li className="timeline-entry" data-seq={entry.seq}>
      <div className="timeline-head">
        <span className="mono">{format.time(entry.receivedAt)}</span>
        <strong>{entry.type}</strong>
        {statusLabel && <span title={statusLabel.title}>{t('jobs:timeline.status', { status: statusLabel.word })}</span>}
        {faultCode && <span>{t('jobs:timeline.error', { code: faultCode })}</span>}
        <button type="button" className="btn btn-small" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
          {t(open ? 'jobs:timeline.hideRaw' : 'jobs:timeline.showRaw')}
        </button>
      </div>
      {known && <p className="timeline-text">{describe(t, 'messageTypes', entry.type).text}</p>}
      {faultCode && <p className="timeline-text">{describe(t, 'errorCodes', faultCode).text}</p>}
      {open && (
        <div id={bodyId}>
          {entry.raw !== undefined ? (
            <p className="muted">{t('jobs:timeline.asPosted')}</p>
          ) : (
            <p className="muted">{t('jobs:timeline.recorded')}</p>
          )}
          <pre className="raw-json" aria-label={t('jobs:timeline.rawOf', { type: entry.type })}>
            {entry.raw ?? JSON.stringify(entry.message, null, 2)}
          </pre>
        </div>
      )}
    </li>
  );
}

/**
 * Every message logged for a job, oldest first, each with the JSON it arrived as. The status and error read in the
 * reader's language; the message type and error code stay AIDA's names, as the raw body and the vendor's manual use them.
 */
export function Timeline({ entries }: { entries: readonly TimelineEntry[] }) {
  const t = useT();
  if (entries.length === 0) return <p className="muted">{t('jobs:timeline.none')}</p>;
  return (
    <ol className="timeline">
      {entries.map((e) => (
        <Entry key={e.seq} entry={e} />
      ))}
    </ol>
  );
}
