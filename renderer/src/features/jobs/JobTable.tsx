import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useConsole } from '../../store/context';
import { jobRefKey } from '../../store/jobs-slice';
import { selectJobAt } from '../../store/selectors';
import { CancelledGroupRows } from './CancelledGroupRows';
import { JobRow, LoadingRow } from './JobRow';
import { ROW_HEIGHT, selectGroupExtras } from './layout';

/** One row of the queue, with the jobs its error cancelled when the operator opened them. */
const QueueRow = memo(function QueueRow({ index }: { index: number }) {
  const job = useConsole(selectJobAt(index));
  const group = useConsole((s) => (job ? s.cancelledGroups[jobRefKey(job)] : undefined));
  // aria-rowindex counts the header row as the first.
  if (!job) return <LoadingRow rowIndex={index + 2} />;
  return (
    <>
      <div style={{ height: ROW_HEIGHT }}>
        <JobRow job={job} rowIndex={index + 2} />
      </div>
      {group && <CancelledGroupRows group={group} />}
    </>
  );
});

/**
 * The queue's rows, virtualised: only the rows on screen are in the DOM, and only their pages are asked of the core.
 * The scroll height is the filtered total the core reports, so the scroll bar tells how far one is in the queue.
 */
export function JobTable() {
  const total = useConsole((s) => s.jobTotal);
  const loaded = useConsole((s) => s.jobsLoaded);
  const extras = useConsole(useShallow(selectGroupExtras));
  const showJobRows = useConsole((s) => s.showJobRows);
  const parent = useRef<HTMLDivElement>(null);

  // Rows are all one height except a source job with its cancelled jobs opened under it.
  const estimateSize = useCallback((index: number) => ROW_HEIGHT + (extras[index] ?? 0), [extras]);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualiser answers anew each render: nothing may be memoised around it
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => parent.current,
    estimateSize,
    overscan: 6,
  });

  // The virtualiser keeps the sizes it computed: they are computed again only when a group opens or closes.
  useEffect(() => {
    virtualizer.measure();
  }, [estimateSize, virtualizer]);

  // A new filter starts at the top of its list.
  useEffect(() => {
    if (!loaded) virtualizer.scrollToOffset(0);
  }, [loaded, virtualizer]);

  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    showJobRows(first, last);
  }, [first, last, showJobRows]);

  return (
    <div role="table" aria-label="Jobs" aria-rowcount={total + 1} className="job-table">
      <div role="rowgroup">
        <div className="job-row job-head" role="row" aria-rowindex={1}>
          <span role="columnheader">Status</span>
          <span role="columnheader">Job · correlation</span>
          <span role="columnheader">Batch · machine</span>
          <span role="columnheader">Error</span>
          <span role="columnheader">Card</span>
          <span role="columnheader">Time in state</span>
        </div>
      </div>
      <div ref={parent} className="job-scroll" role="rowgroup" tabIndex={0} aria-label="Job rows, newest first">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => (
            <div
              key={item.key}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, height: item.size, transform: `translateY(${item.start}px)` }}
            >
              <QueueRow index={item.index} />
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
