import type { ProcessDetails, VerificationView } from '../../../../shared/api/feeds';
import { actionKey, selectBusy } from '../../store/actions';
import { useT } from '../../i18n/use-t';
import { useConsole } from '../../store/context';
import { useFormat } from '../format';
import { OutcomeBadge } from './OutcomeBadge';

/** GetProcess's answer, labelled as its own vocabulary: PROCESS_RESULT_* is not the webhook's PROCESS_STATE_*. */
function Details({ details }: { details: ProcessDetails }) {
  const t = useT();
  const format = useFormat();
  return (
    <div className="verification-details">
      <h4>{t('verification:details.title', { time: format.time(details.fetchedAt) })}</h4>
      {details.error && <p className="error-text">{details.error}</p>}
      <dl className="verification-facts">
        {details.status !== undefined && (
          <>
            <dt>{t('verification:details.status')}</dt>
            <dd className="mono">{details.status}</dd>
          </>
        )}
        {details.result !== undefined && (
          <>
            <dt>{t('verification:details.result')}</dt>
            <dd className="mono">{details.result}</dd>
          </>
        )}
      </dl>
      {details.fields.length > 0 && (
        <details className="activity-fields">
          <summary>{t('verification:details.fields', { count: details.fields.length })}</summary>
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

/**
 * One applicant's verification: outcome, the webhook's facts, the jobs it gates, and GetProcess on demand. What the
 * service sent (result text, states, events) and the core's notes are shown as they came.
 */
export function VerificationCard({ verification: v, canFetch }: { verification: VerificationView; canFetch: boolean }) {
  const t = useT();
  const format = useFormat();
  const busy = useConsole(selectBusy(actionKey.verificationDetails(v.processId)));
  const fetchDetails = useConsole((s) => s.fetchVerificationDetails);
  const failed = v.outcome !== 'passed' && v.outcome !== 'pending';
  return (
    <li className={`verification outcome-${v.outcome}`} data-process-id={v.processId}>
      <div className="verification-head">
        <OutcomeBadge outcome={v.outcome} />
        <strong>{v.resultText ?? v.result ?? t('verification:card.noResult')}</strong>
        <span className="mono">{v.processId}</span>
        <span className="muted">
          {v.flow ? `${t('verification:card.flow', { flow: v.flow })} · ` : ''}
          {format.time(v.updatedAt)}
          {v.deliveries > 1 ? ` · ${t('verification:card.deliveries', { count: v.deliveries })}` : ''}
        </span>
      </div>
      <dl className="verification-facts">
        <dt>{t('verification:card.webhookState')}</dt>
        <dd className="mono">{v.state ?? '—'}</dd>
        <dt>{t('verification:card.result')}</dt>
        <dd className="mono">{v.result ?? '—'}</dd>
        {v.lastEvent && (
          <>
            <dt>{t('verification:card.lastEvent')}</dt>
            <dd>
              {v.lastEventDescription ?? v.lastEventText ?? v.lastEvent} <span className="mono muted">{v.lastEvent}</span>
            </dd>
          </>
        )}
      </dl>
      {v.alert && (
        <p className="verification-alert">
          <span aria-hidden="true">⚠</span> {t('verification:card.alert', { alert: v.alert })}
        </p>
      )}
      {v.jobs.length > 0 && (
        <div className="verification-jobs">
          <h4>{t('verification:card.jobs')}</h4>
          <ul>
            {v.jobs.map((j) => (
              <li key={`${j.machineId}/${j.key}`} className={failed ? 'job-held' : undefined}>
                {failed && (
                  <strong className="job-held-word">
                    <span aria-hidden="true">✕</span> {t('verification:card.applicantFailed')}{' '}
                  </strong>
                )}
                {t('verification:card.job')} <span className="mono">{j.jobId ?? j.key}</span> {t('verification:card.onMachine', { machine: j.machineId })} ·{' '}
                {j.status}
                <span className="muted"> · {t('verification:card.linkedBy', { via: j.via })}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {v.notes.length > 0 && <p className="muted">{v.notes.join(' · ')}</p>}
      {canFetch && (
        <button type="button" className="btn btn-feed-small" disabled={busy} onClick={() => void fetchDetails(v.processId)}>
          {busy ? t('verification:card.fetching') : v.details ? t('verification:card.fetchAgain') : t('verification:card.fetch')}
        </button>
      )}
      {v.details && <Details details={v.details} />}
    </li>
  );
}
