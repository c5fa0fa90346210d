import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../i18n/use-t';
import { useConsole } from '../../store/context';
import { jobRefKey } from '../../store/jobs-slice';
import { selectJobAt } from '../../store/selectors';
import { CancelledGroupRows } from './CancelledGroupRows';
import { JobRow, LoadingRow } from './JobRow';
import { ROW_HEIGHT, selectGroupExtras } from './layout';
import { clampPosition, contentHeight, MAX_SCROLL_PX, offsetOf, positionOf, rowsInView, scrollHeight, scrollTopOf, type Geometry } from './scaled-scroll';

/** Rows drawn beyond each edge of the screen, so a slow scroll never shows an empty edge. */
const OVERSCAN = 4;

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

/** Keys that move the list by its own pixels while its scroll bar is scaled (else the browser moves it). */
function keyMove(key: string, g: Geometry): ((position: number) => number) | undefined {
  const page = Math.max(ROW_HEIGHT, g.viewport - ROW_HEIGHT);
  const moves: Record<string, (p: number) => number> = {
    ArrowDown: (p) => p + ROW_HEIGHT,
    ArrowUp: (p) => p - ROW_HEIGHT,
    PageDown: (p) => p + page,
    PageUp: (p) => p - page,
    Home: () => 0,
    End: () => Infinity,
  };
  return moves[key];
}

/**
 * The queue's rows, virtualised: only the rows on screen are in the DOM, and only their pages are asked of the core.
 * Every row is reachable however long the queue: past MAX_SCROLL_PX the scroll bar is scaled (scaled-scroll.ts).
 * Jobs the core puts above the screen move the view down as many rows, so the rows on screen stay put.
 */
export function JobTable() {
  const t = useT();
  const total = useConsole((s) => s.jobRows.total);
  const loaded = useConsole((s) => s.jobsLoaded);
  const shifted = useConsole((s) => s.jobRowsShifted);
  const extras = useConsole(useShallow(selectGroupExtras));
  const showJobRows = useConsole((s) => s.showJobRows);
  const parent = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState(0);
  const [view, setView] = useState({ position: 0, scrollTop: 0 });
  const geometry = useMemo<Geometry>(() => ({ total, rowHeight: ROW_HEIGHT, extras, viewport }), [total, extras, viewport]);
  // What the handlers below read between renders: the geometry drawn last, where the list is, and the scrollTop the
  // view set itself (its scroll event is not the operator's).
  const latest = useRef({ geometry, position: 0, ownScrollTop: undefined as number | undefined });
  useLayoutEffect(() => {
    latest.current.geometry = geometry;
  }, [geometry]);

  const moveTo = useCallback((position: number) => {
    const el = parent.current;
    if (!el) return;
    const g = latest.current.geometry;
    const p = clampPosition(position, g);
    el.scrollTop = scrollTopOf(p, g);
    latest.current.position = p;
    latest.current.ownScrollTop = el.scrollTop;
    setView({ position: p, scrollTop: el.scrollTop });
  }, []);

  useLayoutEffect(() => {
    const el = parent.current;
    if (!el) return undefined;
    // Never taller than the window: measured before the style sheet applies, the area is as tall as its content.
    const measure = () => setViewport(Math.min(el.clientHeight, window.innerHeight));
    measure();
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // A scaled bar would move the list several rows per wheel pixel or key press: the list moves by its own pixels.
  useEffect(() => {
    const el = parent.current;
    if (!el) return undefined;
    const scaled = () => contentHeight(latest.current.geometry) > MAX_SCROLL_PX;
    const onWheel = (e: WheelEvent) => {
      if (!scaled()) return;
      e.preventDefault();
      const unit = e.deltaMode === 1 ? ROW_HEIGHT : e.deltaMode === 2 ? latest.current.geometry.viewport : 1;
      moveTo(latest.current.position + e.deltaY * unit);
    };
    const onKey = (e: KeyboardEvent) => {
      const move = scaled() && e.target === el ? keyMove(e.key, latest.current.geometry) : undefined;
      if (!move) return;
      e.preventDefault();
      moveTo(move(latest.current.position));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    el.addEventListener('keydown', onKey);
    return () => {
      el.removeEventListener('wheel', onWheel);
      el.removeEventListener('keydown', onKey);
    };
  }, [moveTo]);

  const onScroll = () => {
    const el = parent.current;
    if (!el) return;
    const own = latest.current.ownScrollTop;
    latest.current.ownScrollTop = undefined;
    if (own !== undefined && Math.abs(el.scrollTop - own) < 1) return;
    const position = positionOf(el.scrollTop, latest.current.geometry);
    latest.current.position = position;
    setView({ position, scrollTop: el.scrollTop });
  };

  // A new filter starts at the top of its list.
  useLayoutEffect(() => {
    if (!loaded) moveTo(0);
  }, [loaded, moveTo]);

  // Rows put above the screen or taken out above it: the view follows them, so the rows on screen stay put, unless it
  // is at the top (where new jobs are to be seen).
  const lastShift = useRef(shifted);
  useLayoutEffect(() => {
    const rows = shifted - lastShift.current;
    lastShift.current = shifted;
    if (rows !== 0 && latest.current.position > 0) moveTo(latest.current.position + rows * ROW_HEIGHT);
  }, [shifted, moveTo]);

  const position = clampPosition(view.position, geometry);
  const { first, last } = rowsInView(position, geometry, OVERSCAN);
  useEffect(() => {
    showJobRows(first, Math.max(first, last));
  }, [first, last, showJobRows]);

  const rows: number[] = [];
  for (let i = first; i <= last; i++) rows.push(i);
  return (
    <div role="table" aria-label={t('jobs:table.label')} aria-rowcount={total + 1} className="job-table">
      <div role="rowgroup">
        <div className="job-row job-head" role="row" aria-rowindex={1}>
          <span role="columnheader">{t('jobs:table.status')}</span>
          <span role="columnheader">{t('jobs:table.job')}</span>
          <span role="columnheader">{t('jobs:table.batch')}</span>
          <span role="columnheader">{t('jobs:table.error')}</span>
          <span role="columnheader">{t('jobs:table.card')}</span>
          <span role="columnheader">{t('jobs:table.timeInState')}</span>
        </div>
      </div>
      <div
        ref={parent}
        className="job-scroll"
        role="rowgroup"
        tabIndex={0}
        aria-label={t('jobs:table.rows')}
        data-testid="job-scroll"
        onScroll={onScroll}
      >
        <div style={{ height: scrollHeight(geometry), position: 'relative' }}>
          {rows.map((index) => (
            <div
              key={index}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                transform: `translateY(${view.scrollTop + offsetOf(index, geometry) - position}px)`,
              }}
            >
              <QueueRow index={index} />
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
