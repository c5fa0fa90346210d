import { useT } from '../../i18n/use-t';
import type { CancelledGroup } from '../../store/jobs-slice';
import { JobRow } from './JobRow';
import { NOTE_HEIGHT, ROW_HEIGHT } from './layout';

/** The jobs a source job's critical error cancelled, listed under it. */
export function CancelledGroupRows({ group }: { group: CancelledGroup }) {
  const t = useT();
  const { jobs, source } = group;
  const label = t('jobs:group.label', { job: source.jobId ?? source.key });
  if (jobs.state === 'loading') {
    return (
      <p className="group-note muted" style={{ height: NOTE_HEIGHT }}>
        {t('jobs:group.loading')}
      </p>
    );
  }
  if (jobs.state === 'failed') {
    return (
      <p className="group-note error-text" style={{ height: NOTE_HEIGHT }}>
        {t('jobs:group.failed', { error: jobs.error })}
      </p>
    );
  }
  if (jobs.value.length === 0) {
    return (
      <p className="group-note muted" style={{ height: NOTE_HEIGHT }}>
        {t('jobs:group.none')}
      </p>
    );
  }
  return (
    <div className="job-group" aria-label={label}>
      {jobs.value.map((job, i) => (
        <div key={job.key} style={{ height: ROW_HEIGHT }}>
          <JobRow job={job} rowIndex={i + 1} cancelledBy={source} />
        </div>
      ))}
    </div>
  );
}
