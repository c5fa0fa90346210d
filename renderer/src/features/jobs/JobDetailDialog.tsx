import type { JobDetail } from '../../../../shared/api/records';
import type { AttemptView, JobView } from '../../../../shared/api/views';
import { useConsole } from '../../store/context';
import { selectMachineLabel } from '../../store/selectors';
import { formatTime } from '../format';
import { CardFacts } from './CardFacts';
import { ViewerDialog } from '../../ui/ViewerDialog';
import { StatusBadge } from './StatusBadge';
import { TimeInState } from './TimeInState';
import { Timeline } from './Timeline';

const yesNo = (value: boolean | undefined) => (value === undefined ? 'not reported' : value ? 'yes' : 'no');

function Facts({ job }: { job: JobView }) {
  const machine = useConsole(selectMachineLabel(job.machineId));
  return (
    <dl className="facts">
      <dt>Machine</dt>
      <dd>{machine}</dd>
      <dt>Batch</dt>
      <dd className="mono">{job.batchId ?? '—'}</dd>
      <dt>Correlation id</dt>
      <dd className="mono">{job.correlationId ?? '—'}</dd>
      <dt>Workflow instance</dt>
      <dd className="mono">{job.workflowInstanceId ?? '—'}</dd>
      <dt>In this state since</dt>
      <dd>
        {formatTime(job.stateSince)} (for <TimeInState since={job.stateSince} />)
      </dd>
      <dt>Error</dt>
      <dd>{job.errorCode ? `${job.errorText ?? job.errorCode} (${job.errorCode})` : 'None'}</dd>
      <dt>Card produced</dt>
      <dd>
        <strong>{yesNo(job.documentProduced)}</strong>
      </dd>
      <dt>Destructive operation</dt>
      <dd>
        <strong>{yesNo(job.destructiveOperationExecuted)}</strong>
      </dd>
      {job.sourceJobInstanceId && (
        <>
          <dt>Cancelled by</dt>
          <dd>
            the critical error of job instance <span className="mono">{job.sourceJobInstanceId}</span>
            {job.sourceJobSeen === false && ' (not seen by this console)'}
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
  const attempts = job.attempts ?? [];
  if (attempts.length < 2) return null;
  return (
    <section aria-labelledby="detail-attempts">
      <h3 id="detail-attempts">Run {attempts.length} times (one workflow instance each), oldest first</h3>
      <ol className="detail-attempts">
        {attempts.map((a, i) => (
          <li key={a.workflowInstanceId ?? i}>
            <StatusBadge status={a.status} /> <span className="mono">{a.workflowInstanceId ?? 'instance not named'}</span>
            {a.errorCode && <span> — {a.errorText ?? a.errorCode}</span>} <CardFacts job={asJob(job, a)} />
            <span className="muted"> since {formatTime(a.stateSince)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function CancelledJobs({ jobs }: { jobs: readonly JobView[] }) {
  if (jobs.length === 0) return null;
  return (
    <section aria-labelledby="detail-cancelled">
      <h3 id="detail-cancelled">
        {jobs.length} {jobs.length === 1 ? 'job' : 'jobs'} cancelled by this error
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
  return (
    <>
      <Facts job={detail.job} />
      <Attempts job={detail.job} />
      <CancelledJobs jobs={detail.cancelledJobs} />
      <section aria-labelledby="detail-timeline">
        <h3 id="detail-timeline">Messages ({detail.timeline.length}), oldest first</h3>
        <Timeline entries={detail.timeline} />
      </section>
    </>
  );
}

/** A job's detail over the queue: its facts, the jobs its error cancelled, and every message with its raw JSON. */
export function JobDetailDialog() {
  const open = useConsole((s) => s.jobDetail);
  const close = useConsole((s) => s.closeJobDetail);
  if (!open) return null;
  const { ref, detail } = open;
  const job = detail.state === 'loaded' ? detail.value.job : undefined;
  return (
    <ViewerDialog title={`Job ${job?.jobId ?? ref.key}`} badge={job && <StatusBadge status={job.status} />} onClose={close}>
      {detail.state === 'loading' && <p className="muted">Loading the job's messages…</p>}
      {detail.state === 'failed' && <p className="error-text">Could not load this job: {detail.error}</p>}
      {detail.state === 'loaded' && <Body detail={detail.value} />}
    </ViewerDialog>
  );
}
