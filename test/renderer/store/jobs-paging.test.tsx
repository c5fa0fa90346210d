import { describe, expect, it } from 'vitest';
import { EMPTY_JOB_FILTER, JobsPaging, PAGE_SIZE } from '../../../renderer/src/store/jobs-paging';
import { LatestRead } from '../../../renderer/src/store/loads';
import { job } from '../helpers/jobs';

describe('the job list paging', () => {
  it('asks for the pages on screen with a margin ahead, bounded by the total once known', () => {
    const paging = new JobsPaging();
    paging.show(0, 9);
    expect(paging.pagesOnScreen(undefined)).toEqual([0]);
    paging.show(95, 105);
    expect(paging.pagesOnScreen(undefined)).toEqual([0, 1]);
    paging.show(50_000, 50_010);
    expect(paging.pagesOnScreen(100_000)).toEqual([499, 500]);
    expect(paging.pagesOnScreen(50_005)).toEqual([499, 500]);
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

  it('keeps the ten pages nearest to the screen', () => {
    const paging = new JobsPaging();
    paging.show(20 * PAGE_SIZE, 20 * PAGE_SIZE + 10);
    const pages = Object.fromEntries(Array.from({ length: 30 }, (_, p) => [p, [job(String(p))]]));
    expect(Object.keys(paging.prune(pages)).map(Number).sort((a, b) => a - b)).toEqual([15, 16, 17, 18, 19, 20, 21, 22, 23, 24]);
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
