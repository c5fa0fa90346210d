import { MACHINES } from './floor.mjs';

/** The queue's query for a filter, as the renderer asks it: jobs cancelled by another job's error under that job. */
export function queryOf(filter) {
  return {
    groupCancelled: true,
    ...(filter.machineId ? { machineId: filter.machineId } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.batchId ? { batchId: filter.batchId } : {}),
    ...(filter.search ? { search: filter.search } : {}),
  };
}

/**
 * The searches and filters measured, on jobs a filled store of `jobs` jobs holds. Each says what the operator does
 * (types into a labelled field, or picks in a labelled list) and which filter that gives the core.
 */
export function searchCases(jobs) {
  const id = (n) => `J${String(Math.min(jobs - 100, n)).padStart(7, '0')}`;
  const someJob = Math.floor(jobs * 0.37);
  const hash = (someJob * 2654435761 >>> 0).toString(16).padStart(8, '0');
  const batch = (b) => `B${String(Math.min(Math.floor((jobs - 1) / 250), b)).padStart(5, '0')}`;
  const line3 = MACHINES[2];
  return [
    { name: 'search a job id', smoke: true, type: { field: 'Search jobs', text: id(someJob) }, filter: { search: id(someJob) } },
    { name: 'search 2 characters', type: { field: 'Search jobs', text: 'J0' }, filter: { search: 'J0' } },
    { name: 'search a correlation id part', type: { field: 'Search jobs', text: hash }, filter: { search: hash } },
    { name: 'search a batch id', type: { field: 'Search jobs', text: batch(123) }, filter: { search: batch(123) } },
    { name: 'search, no match', type: { field: 'Search jobs', text: 'no-such-job' }, filter: { search: 'no-such-job' } },
    { name: 'status Faulted', smoke: true, pick: { field: 'Status', value: 'Faulted' }, filter: { status: 'Faulted' } },
    { name: 'status Cancelled', pick: { field: 'Status', value: 'Cancelled' }, filter: { status: 'Cancelled' } },
    { name: `machine ${line3.label}`, smoke: true, pick: { field: 'Machine', label: line3.label }, filter: { machineId: line3.id } },
    { name: 'batch (exact)', type: { field: 'Batch', text: batch(42) }, filter: { batchId: batch(42) } },
  ];
}
