import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { JobView } from '../../../../shared/api/views';
import { useConsole } from '../../store/context';
import { formatTime } from '../format';
import { StatusBadge } from './StatusBadge';

const ROW_HEIGHT = 52;

function JobRow({ job }: { job: JobView }) {
  return (
    <div className="job-row" role="row" data-job-id={job.jobId ?? job.key}>
      <span role="cell" className="mono">{job.jobId ?? '—'}</span>
      <span role="cell" className="mono">{job.correlationId ?? '—'}</span>
      <span role="cell" className="mono">{job.batchId ?? '—'}</span>
      <span role="cell">
        <StatusBadge status={job.status} />
      </span>
      <span role="cell" title={job.errorText}>{job.errorCode ? (job.errorText ?? job.errorCode) : ''}</span>
      <span role="cell">{formatTime(job.stateSince)}</span>
    </div>
  );
}

/** The live job queue, newest first. Virtualised: only the rows on screen are in the DOM. */
export function JobList() {
  const jobs = useConsole((s) => s.jobs);
  const total = useConsole((s) => s.jobTotal);
  const error = useConsole((s) => s.jobsError);
  const parent = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- read afresh every render; nothing here is memoised
  const virtualizer = useVirtualizer({
    count: jobs.length,
    getScrollElement: () => parent.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });

  return (
    <section className="panel jobs" aria-labelledby="jobs-title">
      <header className="panel-header">
        <h2 id="jobs-title">Jobs</h2>
        <span className="muted" aria-live="polite">
          {total === 0 ? 'No jobs yet' : `${jobs.length < total ? `${jobs.length} newest of ` : ''}${total} job${total === 1 ? '' : 's'}`}
        </span>
      </header>
      {error && <p className="error-text">Could not load jobs: {error}</p>}
      <div role="table" aria-label="Jobs" className="job-table">
        <div className="job-row job-head" role="row">
          <span role="columnheader">Job</span>
          <span role="columnheader">Correlation</span>
          <span role="columnheader">Batch</span>
          <span role="columnheader">Status</span>
          <span role="columnheader">Error</span>
          <span role="columnheader">Since</span>
        </div>
        <div ref={parent} className="job-scroll" role="rowgroup">
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const job = jobs[item.index];
              if (!job) return null;
              return (
                <div
                  key={`${job.machineId}/${job.key}`}
                  style={{ position: 'absolute', top: 0, left: 0, right: 0, height: item.size, transform: `translateY(${item.start}px)` }}
                >
                  <JobRow job={job} />
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </section>
  );
}
