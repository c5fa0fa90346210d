import { useId } from 'react';
import { JOB_STATUSES } from '../../../../shared/aida/vocabulary';
import { useConsole } from '../../store/context';
import { EMPTY_JOB_FILTER, type JobFilter } from '../../store/jobs-slice';
import { selectMachines } from '../../store/selectors';

const isFiltered = (f: JobFilter) => f.machineId !== '' || f.status !== '' || f.batchId !== '' || f.search !== '';

/** Search and filters of the queue: large fields, each with its label in words above it. */
export function JobFilters() {
  const id = useId();
  const filter = useConsole((s) => s.jobFilter);
  const machines = useConsole(selectMachines);
  const setFilter = useConsole((s) => s.setJobFilter);
  const type = useConsole((s) => s.typeJobFilter);

  return (
    <form className="job-filters" role="search" aria-label="Find jobs" onSubmit={(e) => e.preventDefault()}>
      <div className="filter-field filter-search">
        <label htmlFor={`${id}-search`}>Search jobs</label>
        <input
          id={`${id}-search`}
          type="search"
          value={filter.search}
          placeholder="Job, correlation or batch"
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => type({ search: e.target.value })}
        />
      </div>
      <div className="filter-field">
        <label htmlFor={`${id}-status`}>Status</label>
        <select id={`${id}-status`} value={filter.status} onChange={(e) => void setFilter({ status: e.target.value })}>
          <option value="">All statuses</option>
          {JOB_STATUSES.map((s) => (
            <option key={s.name} value={s.name}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-field">
        <label htmlFor={`${id}-machine`}>Machine</label>
        <select id={`${id}-machine`} value={filter.machineId} onChange={(e) => void setFilter({ machineId: e.target.value })}>
          <option value="">All machines</option>
          {machines.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-field">
        <label htmlFor={`${id}-batch`}>Batch</label>
        <input
          id={`${id}-batch`}
          type="text"
          value={filter.batchId}
          placeholder="Exact batch id"
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => type({ batchId: e.target.value })}
        />
      </div>
      <button type="button" className="btn btn-small" disabled={!isFiltered(filter)} onClick={() => void setFilter(EMPTY_JOB_FILTER)}>
        <span aria-hidden="true">✕</span> Clear filters
      </button>
    </form>
  );
}
