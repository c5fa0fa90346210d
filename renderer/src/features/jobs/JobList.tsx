import { useT } from '../../i18n/use-t';
import { useFormat } from '../format';
import { useConsole } from '../../store/context';
import { JobDetailDialog } from './JobDetailDialog';
import { JobFilters } from './JobFilters';
import { JobTable } from './JobTable';

function JobCount() {
  const t = useT();
  const format = useFormat();
  const total = useConsole((s) => s.jobRows.total);
  const capped = useConsole((s) => s.jobRows.capped);
  const loaded = useConsole((s) => s.jobsLoaded);
  // Reading the archive too narrows nothing: only the text and choice filters do.
  const filtered = useConsole((s) => Object.values(s.jobFilter).some((v) => typeof v === 'string' && v.trim() !== ''));
  let text: string;
  if (!loaded) text = t('jobs:count.loading');
  else if (total === 0) text = t(filtered ? 'jobs:count.noMatch' : 'jobs:count.none');
  // A search stops counting at the cap: the newest that many are listed.
  else if (capped) text = t('jobs:count.capped', { total: format.number(total) });
  else text = t(filtered ? 'jobs:count.match' : 'jobs:count.all', { count: total, total: format.number(total) });
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
  const t = useT();
  const error = useConsole((s) => s.jobsError);
  return (
    <section className="panel jobs" aria-labelledby="jobs-title">
      <header className="panel-header">
        <h2 id="jobs-title">{t('jobs:title')}</h2>
        <JobCount />
      </header>
      <JobFilters />
      {error && (
        <p className="error-text" role="alert">
          {t('jobs:loadFailed', { error })}
        </p>
      )}
      <JobTable />
      <JobDetailDialog />
    </section>
  );
}
