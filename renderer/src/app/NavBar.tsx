import { useConsole } from '../store/context';
import { selectPendingReviewCount } from '../store/reviews-slice';
import type { ConsoleState } from '../store/types';
import { VIEWS, type ViewId } from './navigation';

/** A count beside a view's name, when something there wants attention, and what the number counts. */
const COUNTS: Partial<Record<ViewId, { count: (s: ConsoleState) => number; counts: string }>> = {
  reviews: { count: selectPendingReviewCount, counts: 'waiting for a decision' },
  deliveries: { count: (s) => s.rejectedTotal, counts: 'refused' },
};

function NavButton({ id, label }: { id: ViewId; label: string }) {
  const current = useConsole((s) => s.view === id);
  const count = useConsole((s) => COUNTS[id]?.count(s) ?? 0);
  const showView = useConsole((s) => s.showView);
  return (
    <button
      type="button"
      role="tab"
      aria-selected={current}
      className={`nav-tab${current ? ' nav-tab-current' : ''}`}
      onClick={() => showView(id)}
    >
      {label}
      {count > 0 && (
        <span className="nav-count" aria-label={`${count} ${COUNTS[id]?.counts ?? ''}`}>
          {count}
        </span>
      )}
    </button>
  );
}

export function NavBar() {
  const role = useConsole((s) => s.auth?.person?.role);
  return (
    <nav className="nav" role="tablist" aria-label="Views">
      {VIEWS.filter((v) => !('only' in v) || v.only === role).map((v) => (
        <NavButton key={v.id} id={v.id} label={v.label} />
      ))}
    </nav>
  );
}
