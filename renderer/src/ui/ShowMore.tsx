import { useState } from 'react';
import { useT } from '../i18n/use-t';

/**
 * Below a list read page by page: how many rows are shown (of how many, when the list counts them) and, while more
 * remain, one big button that reads the next page. Nothing reads a whole table.
 */
interface ShowMoreProps {
  shown: number;
  total?: number | undefined;
  /** At least `total`: shown as "10,000+". */
  totalCapped?: boolean | undefined;
  more: boolean;
  /** What the rows are, plural, in the viewer's language: "alerts". */
  what: string;
  onMore: () => Promise<void>;
}

export function ShowMore({ shown, total, totalCapped, more, what, onMore }: ShowMoreProps) {
  const t = useT();
  const [loading, setLoading] = useState(false);
  async function load() {
    setLoading(true);
    try {
      await onMore();
    } finally {
      setLoading(false);
    }
  }
  if (shown === 0) return null;
  const count = !more
    ? t('ui:showMore.all', { shown, what })
    : total !== undefined
      ? t('ui:showMore.of', { shown, total, capped: totalCapped ? '+' : '', what })
      : t('ui:showMore.newest', { shown, what });
  return (
    <div className="pager show-more">
      <span aria-live="polite">{count}</span>
      {more && (
        <button type="button" className="btn" disabled={loading} onClick={() => void load()}>
          {loading ? t('ui:showMore.loading') : t('ui:showMore.more')} <span aria-hidden="true">▼</span>
        </button>
      )}
    </div>
  );
}
