import { useT } from '../../i18n/use-t';
import { errorWords } from '../../../../shared/aida/vocabulary-texts';
import type { JobView } from '../../../../shared/api/views';
import { useConsole } from '../../store/context';
import { jobRefKey } from '../../store/jobs-slice';
import { selectMachineLabel } from '../../store/selectors';
import { CardFacts } from './CardFacts';
import { StatusBadge } from './StatusBadge';
import { TimeInState } from './TimeInState';

/** Jobs of other systems than AIDA say where they come from (`jobs:row.<source>`). */
const SOURCE_NAMES = new Set(['rapidadmin']);

function GroupToggle({ job }: { job: JobView }) {
  const t = useT();
  const open = useConsole((s) => s.cancelledGroups[jobRefKey(job)] !== undefined);
  const toggle = useConsole((s) => s.toggleCancelledGroup);
  const n = job.cancelledCount ?? 0;
  return (
    <button type="button" className="group-toggle" aria-expanded={open} onClick={() => void toggle(job)}>
      <span aria-hidden="true">{open ? '▾' : '▸'}</span> {t('jobs:row.cancelledGroup', { count: n })}
    </button>
  );
}

/**
 * One job: status in icon and word, its ids, where it runs, what went wrong in words, whether a card exists, and
 * how long it has been in this state. The job id opens its detail.
 */
export function JobRow({ job, rowIndex, cancelledBy }: { job: JobView; rowIndex: number; cancelledBy?: JobView }) {
  const t = useT();
  const machine = useConsole(selectMachineLabel(job.machineId));
  const openDetail = useConsole((s) => s.openJobDetail);
  const error = errorWords(t, job);
  return (
    <div
      className={cancelledBy ? 'job-row job-row-cancelled' : 'job-row'}
      role="row"
      aria-rowindex={rowIndex}
      data-testid="job-row"
      data-job-id={job.jobId ?? job.key}
      data-status={job.status}
    >
      <span role="cell">
        <StatusBadge status={job.status} />
      </span>
      <span role="cell">
        <button type="button" className="job-open" title={t('jobs:row.open')} onClick={() => void openDetail(job)}>
          <span className="job-id mono">{job.jobId ?? job.key}</span>
          <span className="job-sub mono">{job.correlationId ?? t('jobs:row.noCorrelation')}</span>
        </button>
      </span>
      <span role="cell" className="job-stack">
        <span className="mono">{job.batchId ?? t('jobs:row.noBatch')}</span>
        <span className="job-sub">
          {job.source === 'aida' ? machine : `${SOURCE_NAMES.has(job.source) ? t(`jobs:row.${job.source}`) : job.source} · ${machine}`}
        </span>
      </span>
      <span role="cell" className="job-stack">
        {error && (
          <span className="job-error" title={job.errorCode ? `${error} (${job.errorCode})` : undefined}>
            {error}
          </span>
        )}
        {(job.verification?.outcome === 'failed' || job.verification?.outcome === 'expired') && (
          <span className="job-verification" title={job.verification.text}>
            <span aria-hidden="true">⚠</span> {t('jobs:row.applicant', { text: job.verification.text })}
          </span>
        )}
        {cancelledBy && <span className="job-sub">{t('jobs:row.cancelledBy', { job: cancelledBy.jobId ?? cancelledBy.key })}</span>}
        {!cancelledBy && job.sourceJobSeen === false && (
          <span className="job-sub">
            {t('jobs:row.cancelledByInstance')} <span className="mono">{job.sourceJobInstanceId}</span> {t('jobs:row.notSeen')}
          </span>
        )}
        {(job.attempts?.length ?? 0) > 1 && <span className="job-sub">{t('jobs:row.attempt', { count: job.attempts?.length })}</span>}
        {!cancelledBy && (job.cancelledCount ?? 0) > 0 && <GroupToggle job={job} />}
      </span>
      <span role="cell">
        <CardFacts job={job} />
      </span>
      <span role="cell">
        <TimeInState since={job.stateSince} />
      </span>
    </div>
  );
}

/** A row whose page has not arrived yet: same height, so the scroll bar does not jump. */
export function LoadingRow({ rowIndex }: { rowIndex: number }) {
  const t = useT();
  return (
    <div className="job-row job-row-loading" role="row" aria-rowindex={rowIndex} data-testid="job-row-loading">
      <span role="cell" className="muted">
        {t('jobs:row.loading')}
      </span>
    </div>
  );
}
