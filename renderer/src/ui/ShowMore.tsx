import { useState } from 'react';

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
  /** What the rows are, plural: "alerts". */
  what: string;
  onMore: () => Promise<void>;
}

export function ShowMore({ shown, total, totalCapped, more, what, onMore }: ShowMoreProps) {
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
    ? `All ${shown.toLocaleString()} ${what} shown`
    : total !== undefined
      ? `${shown.toLocaleString()} of ${total.toLocaleString()}${totalCapped ? '+' : ''} ${what} shown`
      : `The newest ${shown.toLocaleString()} ${what} shown`;
  return (
    <div className="pager show-more">
      <span aria-live="polite">{count}</span>
      {more && (
        <button type="button" className="btn" disabled={loading} onClick={() => void load()}>
          {loading ? 'Loading…' : 'Show more'} <span aria-hidden="true">▼</span>
        </button>
      )}
    </div>
  );
}
