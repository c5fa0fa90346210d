import { describe, expect, it } from 'vitest';
import { EMPTY_JOB_FILTER, JobsPaging, PAGE_SIZE } from '../../../renderer/src/store/jobs-paging';
import { LatestRead } from '../../../renderer/src/store/loads';
import { job } from '../helpers/jobs';

describe('the job list paging', () => {
  it('wants the rows on screen with a margin on each side', () => {
    const paging = new JobsPaging();
    paging.show(0, 9);
    expect(paging.wanted()).toEqual({ first: 0, last: 39 });
    paging.show(50_000, 50_010);
    expect(paging.wanted()).toEqual({ first: 49_970, last: 50_040 });
  });

  it('queries a page under the applied filter, cancelled jobs grouped under their source', () => {
    const paging = new JobsPaging();
    paging.apply({ ...EMPTY_JOB_FILTER, search: '  corr-42 ', machineId: 'aida-2' });
    expect(paging.query(3)).toEqual({ groupCancelled: true, machineId: 'aida-2', search: 'corr-42', offset: 3 * PAGE_SIZE, limit: PAGE_SIZE });
  });

  it('goes back to the top for a new filter, and drops what was asked for the old one', () => {
    const paging = new JobsPaging();
    paging.show(5_000, 5_010);
    const before = paging.reads.begin();
    paging.apply(EMPTY_JOB_FILTER);
    expect(paging.visible).toEqual({ first: 0, last: 10 });
    expect(before.isCurrent()).toBe(false);
  });

  it('remembers which jobs changed until asked, then forgets', () => {
    const paging = new JobsPaging();
    const source = job('43', { workflowInstanceId: 'wf-43' });
    paging.noteChanged([job('40'), job('46', { status: 'Cancelled', sourceJobInstanceId: 'wf-43' })]);
    const changed = paging.takeChanges();
    expect(changed.job('aida-1/40')).toBe(true);
    expect(changed.job('aida-1/41')).toBe(false);
    expect(changed.cancelledBy(source)).toBe(true);
    expect(changed.cancelledBy(job('44'))).toBe(false);
    expect(paging.takeChanges().job('aida-1/40')).toBe(false);
  });

  it('tracks the pages on their way', () => {
    const paging = new JobsPaging();
    paging.fetching([0, 1]);
    paging.fetched([0]);
    expect([paging.isFetching(0), paging.isFetching(1)]).toEqual([false, true]);
    paging.forgetFetching();
    expect(paging.isFetching(1)).toBe(false);
  });
});

describe('the newest read', () => {
  it('lets only the newest of overlapping reads land; joined reads land with it', () => {
    const reads = new LatestRead();
    const first = reads.begin();
    const second = reads.begin();
    const joined = reads.join();
    expect([first.isCurrent(), second.isCurrent(), joined.isCurrent()]).toEqual([false, true, true]);
    reads.invalidate();
    expect([second.isCurrent(), joined.isCurrent()]).toEqual([false, false]);
  });
});
