import { useT } from '../i18n/use-t';
import { useConsole } from '../store/context';
import { selectPendingReviewCount } from '../store/reviews-slice';
import type { ConsoleState } from '../store/types';
import { VIEWS, type ViewId } from './navigation';

/** A count beside a view's name, when something there wants attention; `app:counts.<id>` says what it counts. */
const COUNTS: Partial<Record<ViewId, (s: ConsoleState) => number>> = {
  reviews: selectPendingReviewCount,
  deliveries: (s) => s.rejectedTotal,
};

function NavButton({ id }: { id: ViewId }) {
  const t = useT();
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
      {t(`app:views.${id}`)}
      {count > 0 && (
        <span className="nav-count" aria-label={t(`app:counts.${id}`, { count })}>
          {count}
        </span>
      )}
    </button>
  );
}

export function NavBar() {
  const t = useT();
  const role = useConsole((s) => s.auth?.person?.role);
  return (
    <nav className="nav" role="tablist" aria-label={t('app:navigation')}>
      {VIEWS.filter((v) => !('only' in v) || v.only === role).map((v) => (
        <NavButton key={v.id} id={v.id} />
      ))}
    </nav>
  );
}
