import { useT } from '../../i18n/use-t';
import { useId } from 'react';
import { JOB_STATUSES } from '../../../../shared/aida/vocabulary';
import { jobStatusWord } from '../../../../shared/aida/vocabulary-texts';
import { useConsole } from '../../store/context';
import { EMPTY_JOB_FILTER, type JobFilter } from '../../store/jobs-slice';
import { selectMachines } from '../../store/selectors';
import { ChoiceField } from '../../ui/ChoiceField';

const isFiltered = (f: JobFilter) => f.machineId !== '' || f.status !== '' || f.batchId !== '' || f.search !== '' || f.includeArchive;

/** Search and filters of the queue: large fields, each with its label in words above it. */
export function JobFilters() {
  const t = useT();
  const id = useId();
  const filter = useConsole((s) => s.jobFilter);
  const machines = useConsole(selectMachines);
  const setFilter = useConsole((s) => s.setJobFilter);
  const type = useConsole((s) => s.typeJobFilter);

  return (
    <form className="job-filters" role="search" aria-label={t('jobs:filters.find')} onSubmit={(e) => e.preventDefault()}>
      <div className="filter-field filter-search">
        <label htmlFor={`${id}-search`}>{t('jobs:filters.search')}</label>
        <input
          id={`${id}-search`}
          type="search"
          data-testid="job-search"
          value={filter.search}
          placeholder={t('jobs:filters.searchHint')}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => type({ search: e.target.value })}
        />
      </div>
      <ChoiceField
        className="filter-field"
        label={t('jobs:filters.status')}
        anyLabel={t('jobs:filters.allStatuses')}
        value={filter.status}
        onChange={(status) => void setFilter({ status })}
        choices={JOB_STATUSES.map((st) => ({ value: st.name, label: jobStatusWord(t, st.name) }))}
      />
      <ChoiceField
        className="filter-field"
        label={t('jobs:filters.machine')}
        anyLabel={t('jobs:filters.allMachines')}
        value={filter.machineId}
        onChange={(machineId) => void setFilter({ machineId })}
        choices={machines.map((m) => ({ value: m.id, label: m.label }))}
      />
      <div className="filter-field">
        <label htmlFor={`${id}-batch`}>{t('jobs:filters.batch')}</label>
        <input
          id={`${id}-batch`}
          type="text"
          value={filter.batchId}
          placeholder={t('jobs:filters.batchHint')}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => type({ batchId: e.target.value })}
        />
      </div>
      <label className="check">
        <input type="checkbox" checked={filter.includeArchive} onChange={(e) => void setFilter({ includeArchive: e.target.checked })} />
        {t('jobs:filters.archive')}
      </label>
      <button type="button" className="btn btn-small" disabled={!isFiltered(filter)} onClick={() => void setFilter(EMPTY_JOB_FILTER)}>
        <span aria-hidden="true">✕</span> {t('jobs:filters.clear')}
      </button>
    </form>
  );
}
