import { errorWords } from '../../../../shared/aida/vocabulary-texts';
import type { JobDetail } from '../../../../shared/api/records';
import type { AttemptView, JobView } from '../../../../shared/api/views';
import type { Translate } from '../../../../shared/i18n/translate';
import { useConsole } from '../../store/context';
import { selectMachineLabel } from '../../store/selectors';
import { useT } from '../../i18n/use-t';
import { useFormat } from '../format';
import { CardFacts } from './CardFacts';
import { ViewerDialog } from '../../ui/ViewerDialog';
import { StatusBadge } from './StatusBadge';
import { TimeInState } from './TimeInState';
import { Timeline } from './Timeline';

const yesNo = (t: Translate, value: boolean | undefined) =>
  t(value === undefined ? 'jobs:card.notReported' : value ? 'jobs:card.yes' : 'jobs:card.no');

function Facts({ job }: { job: JobView }) {
  const t = useT();
  const format = useFormat();
  const machine = useConsole(selectMachineLabel(job.machineId));
  return (
    <dl className="facts">
      <dt>{t('jobs:detail.machine')}</dt>
      <dd>{machine}</dd>
      <dt>{t('jobs:detail.batch')}</dt>
      <dd className="mono">{job.batchId ?? '—'}</dd>
      <dt>{t('jobs:detail.correlation')}</dt>
      <dd className="mono">{job.correlationId ?? '—'}</dd>
      <dt>{t('jobs:detail.instance')}</dt>
      <dd className="mono">{job.workflowInstanceId ?? '—'}</dd>
      <dt>{t('jobs:detail.since')}</dt>
      <dd>
        {t('jobs:detail.sinceFor', { time: format.time(job.stateSince) })} <TimeInState since={job.stateSince} />)
      </dd>
      <dt>{t('jobs:detail.error')}</dt>
      <dd>{job.errorCode ? `${errorWords(t, job)} (${job.errorCode})` : t('jobs:detail.noError')}</dd>
      <dt>{t('jobs:detail.produced')}</dt>
      <dd>
        <strong>{yesNo(t, job.documentProduced)}</strong>
      </dd>
      <dt>{t('jobs:detail.destructive')}</dt>
      <dd>
        <strong>{yesNo(t, job.destructiveOperationExecuted)}</strong>
      </dd>
      {job.sourceJobInstanceId && (
        <>
          <dt>{t('jobs:detail.cancelledBy')}</dt>
          <dd>
            {t('jobs:detail.criticalError')} <span className="mono">{job.sourceJobInstanceId}</span>
            {job.sourceJobSeen === false && ` ${t('jobs:row.notSeen')}`}
          </dd>
        </>
      )}
    </dl>
  );
}

/** A run of the job, as a job: its own status and card facts, none of the latest run's. */
function asJob(job: JobView, attempt: AttemptView): JobView {
  const { documentProduced: _card, destructiveOperationExecuted: _destroyed, errorCode: _code, errorText: _text, ...rest } = job;
  return { ...rest, ...attempt };
}

/** Each run of a job that AIDA ran more than once, oldest first, with what became of it. */
function Attempts({ job }: { job: JobView }) {
  const t = useT();
  const format = useFormat();
  const attempts = job.attempts ?? [];
  if (attempts.length < 2) return null;
  return (
    <section aria-labelledby="detail-attempts">
      <h3 id="detail-attempts">{t('jobs:detail.runs', { count: attempts.length })}</h3>
      <ol className="detail-attempts">
        {attempts.map((a, i) => (
          <li key={a.workflowInstanceId ?? i}>
            <StatusBadge status={a.status} /> <span className="mono">{a.workflowInstanceId ?? t('jobs:detail.unnamed')}</span>
            {a.errorCode && <span> — {errorWords(t, a)}</span>} <CardFacts job={asJob(job, a)} />
            <span className="muted"> {t('jobs:detail.runSince', { time: format.time(a.stateSince) })}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function CancelledJobs({ jobs }: { jobs: readonly JobView[] }) {
  const t = useT();
  if (jobs.length === 0) return null;
  return (
    <section aria-labelledby="detail-cancelled">
      <h3 id="detail-cancelled">
        {t('jobs:detail.cancelled', { count: jobs.length })}
      </h3>
      <ul className="detail-cancelled">
        {jobs.map((j) => (
          <li key={j.key}>
            <span className="mono">{j.jobId ?? j.key}</span> <StatusBadge status={j.status} /> <CardFacts job={j} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function Body({ detail }: { detail: JobDetail }) {
  const t = useT();
  return (
    <>
      <Facts job={detail.job} />
      <Attempts job={detail.job} />
      <CancelledJobs jobs={detail.cancelledJobs} />
      <section aria-labelledby="detail-timeline">
        <h3 id="detail-timeline">{t('jobs:detail.messages', { count: detail.timeline.length })}</h3>
        <Timeline entries={detail.timeline} />
      </section>
    </>
  );
}

/** A job's detail over the queue: its facts, the jobs its error cancelled, and every message with its raw JSON. */
export function JobDetailDialog() {
  const t = useT();
  const open = useConsole((s) => s.jobDetail);
  const close = useConsole((s) => s.closeJobDetail);
  if (!open) return null;
  const { ref, detail } = open;
  const job = detail.state === 'loaded' ? detail.value.job : undefined;
  return (
    <ViewerDialog title={t('jobs:detail.title', { job: job?.jobId ?? ref.key })} badge={job && <StatusBadge status={job.status} />} onClose={close}>
      {detail.state === 'loading' && <p className="muted">{t('jobs:detail.loading')}</p>}
      {detail.state === 'failed' && <p className="error-text">{t('jobs:detail.failed', { error: detail.error })}</p>}
      {detail.state === 'loaded' && <Body detail={detail.value} />}
    </ViewerDialog>
  );
}
