import type { ProcessDetails, VerificationView } from '../../../../shared/api/feeds';
import { actionKey, selectBusy } from '../../store/actions';
import { useConsole } from '../../store/context';
import { formatTime } from '../format';
import { OutcomeBadge } from './OutcomeBadge';

/** GetProcess's answer, labelled as its own vocabulary: PROCESS_RESULT_* is not the webhook's PROCESS_STATE_*. */
function Details({ details }: { details: ProcessDetails }) {
  return (
    <div className="verification-details">
      <h4>Full result from GetProcess (PROCESS_RESULT_* vocabulary) · {formatTime(details.fetchedAt)}</h4>
      {details.error && <p className="error-text">{details.error}</p>}
      <dl className="verification-facts">
        {details.status !== undefined && (
          <>
            <dt>GetProcess status</dt>
            <dd className="mono">{details.status}</dd>
          </>
        )}
        {details.result !== undefined && (
          <>
            <dt>GetProcess result</dt>
            <dd className="mono">{details.result}</dd>
          </>
        )}
      </dl>
      {details.fields.length > 0 && (
        <details className="activity-fields">
          <summary>Every field GetProcess returned ({details.fields.length})</summary>
          <dl>
            {details.fields.map((f) => (
              <div key={f.name}>
                <dt className="mono">{f.name}</dt>
                <dd className="mono">{f.value}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
    </div>
  );
}

/** One applicant's verification: outcome, the webhook's facts, the jobs it gates, and GetProcess on demand. */
export function VerificationCard({ verification: v, canFetch }: { verification: VerificationView; canFetch: boolean }) {
  const busy = useConsole(selectBusy(actionKey.verificationDetails(v.processId)));
  const fetchDetails = useConsole((s) => s.fetchVerificationDetails);
  const failed = v.outcome !== 'passed' && v.outcome !== 'pending';
  return (
    <li className={`verification outcome-${v.outcome}`} data-process-id={v.processId}>
      <div className="verification-head">
        <OutcomeBadge outcome={v.outcome} />
        <strong>{v.resultText ?? v.result ?? 'No result yet'}</strong>
        <span className="mono">{v.processId}</span>
        <span className="muted">
          {v.flow ? `flow ${v.flow} · ` : ''}
          {formatTime(v.updatedAt)}
          {v.deliveries > 1 ? ` · ${v.deliveries} deliveries` : ''}
        </span>
      </div>
      <dl className="verification-facts">
        <dt>Webhook state</dt>
        <dd className="mono">{v.state ?? '—'}</dd>
        <dt>Result</dt>
        <dd className="mono">{v.result ?? '—'}</dd>
        {v.lastEvent && (
          <>
            <dt>Last event</dt>
            <dd>
              {v.lastEventDescription ?? v.lastEventText ?? v.lastEvent} <span className="mono muted">{v.lastEvent}</span>
            </dd>
          </>
        )}
      </dl>
      {v.alert && (
        <p className="verification-alert">
          <span aria-hidden="true">⚠</span> Alert raised: {v.alert}
        </p>
      )}
      {v.jobs.length > 0 && (
        <div className="verification-jobs">
          <h4>Jobs of this applicant</h4>
          <ul>
            {v.jobs.map((j) => (
              <li key={`${j.machineId}/${j.key}`} className={failed ? 'job-held' : undefined}>
                {failed && (
                  <strong className="job-held-word">
                    <span aria-hidden="true">✕</span> Applicant failed verification —{' '}
                  </strong>
                )}
                Job <span className="mono">{j.jobId ?? j.key}</span> on {j.machineId} · {j.status}
                <span className="muted"> · linked by {j.via}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {v.notes.length > 0 && <p className="muted">{v.notes.join(' · ')}</p>}
      {canFetch && (
        <button type="button" className="btn btn-feed-small" disabled={busy} onClick={() => void fetchDetails(v.processId)}>
          {busy ? 'Fetching…' : v.details ? 'Fetch the full result again' : 'Fetch the full result (GetProcess)'}
        </button>
      )}
      {v.details && <Details details={v.details} />}
    </li>
  );
}
