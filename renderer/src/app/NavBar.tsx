import { useConsole } from '../store/context';
import { selectPendingReviewCount } from '../store/reviews-slice';
import type { ConsoleState } from '../store/types';
import { VIEWS, type ViewId } from './navigation';

/** A count beside a view's name, when something there waits for someone. */
const COUNTS: Partial<Record<ViewId, (s: ConsoleState) => number>> = {
  reviews: selectPendingReviewCount,
  deliveries: (s) => s.rejectedTotal,
};

function NavButton({ id, label }: { id: ViewId; label: string }) {
  const current = useConsole((s) => s.view === id);
  const count = useConsole((s) => COUNTS[id]?.(s) ?? 0);
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
        <span className="nav-count" aria-label={`${count} waiting`}>
          {count}
        </span>
      )}
    </button>
  );
}

export function NavBar() {
  return (
    <nav className="nav" role="tablist" aria-label="Views">
      {VIEWS.map((v) => (
        <NavButton key={v.id} id={v.id} label={v.label} />
      ))}
    </nav>
  );
}
