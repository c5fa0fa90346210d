import { useConsole } from '../../store/context';
import { JobDetailDialog } from './JobDetailDialog';
import { JobFilters } from './JobFilters';
import { JobTable } from './JobTable';

function JobCount() {
  const total = useConsole((s) => s.jobRows.total);
  const capped = useConsole((s) => s.jobRows.capped);
  const loaded = useConsole((s) => s.jobsLoaded);
  // Reading the archive too narrows nothing: only the text and choice filters do.
  const filtered = useConsole((s) => Object.values(s.jobFilter).some((v) => typeof v === 'string' && v.trim() !== ''));
  let text: string;
  if (!loaded) text = 'Loading jobs…';
  else if (total === 0) text = filtered ? 'No job matches these filters' : 'No jobs yet';
  // A search stops counting at the cap: the newest that many are listed.
  else if (capped) text = `${total.toLocaleString('en')}+ jobs match, newest first (the newest ${total.toLocaleString('en')} listed)`;
  else text = `${total.toLocaleString('en')} ${total === 1 ? 'job' : 'jobs'}${filtered ? ' match' : ''}, newest first`;
  return (
    <span className="muted job-count" role="status" data-testid="job-count">
      {text}
    </span>
  );
}

/**
 * The live job queue: search and filters, the virtualised list the core feeds page by page, and a job's detail.
 * Jobs cancelled by another job's critical error are listed under that job.
 */
export function JobList() {
  const error = useConsole((s) => s.jobsError);
  return (
    <section className="panel jobs" aria-labelledby="jobs-title">
      <header className="panel-header">
        <h2 id="jobs-title">Jobs</h2>
        <JobCount />
      </header>
      <JobFilters />
      {error && (
        <p className="error-text" role="alert">
          Could not load jobs: {error}
        </p>
      )}
      <JobTable />
      <JobDetailDialog />
    </section>
  );
}
