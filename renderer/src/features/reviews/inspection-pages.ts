import { useEffect, useState } from 'react';
import { INSPECTION_PAGE_SIZE, REVIEW_CARD_INSPECTIONS, type Inspection, type ReviewView } from '../../../../shared/api/reviews';
import { useConsole } from '../../store/context';
import type { Loadable } from '../../store/loads';

/**
 * How many inspections a person has had on screen: the card's first ones, and every page opened under "Show all".
 * The first page holds the card's first ones (REVIEW_CARD_INSPECTIONS ≤ INSPECTION_PAGE_SIZE).
 */
export function countShown(pagesShown: ReadonlySet<number>, total: number): number {
  let shown = pagesShown.has(0) ? 0 : Math.min(total, REVIEW_CARD_INSPECTIONS);
  for (const page of pagesShown) {
    shown += Math.max(0, Math.min(total, (page + 1) * INSPECTION_PAGE_SIZE) - page * INSPECTION_PAGE_SIZE);
  }
  return shown;
}

export interface InspectionPages {
  /** Every inspection of the read, as the core counted them. */
  total: number;
  /** Whether the read has more than its card shows. */
  more: boolean;
  /** The page under "Show all" (from 0), or undefined while the card shows its first inspections. */
  page: number | undefined;
  pageCount: number;
  /** The rows of that page, as the core answered. */
  rows: Loadable<Inspection[]>;
  /** How many inspections have been on screen, for "N of M inspections shown". */
  shown: number;
  showPage(page: number): void;
  showFirst(): void;
}

/**
 * A read's inspections as its card shows them: the first REVIEW_CARD_INSPECTIONS (which the review's view carries),
 * then, under "Show all", one page at a time from the core, so one message with 30,000 results never puts 30,000 rows
 * on screen.
 */
export function useInspectionPages(review: ReviewView): InspectionPages {
  const read = useConsole((s) => s.readInspections);
  const total = review.inspectionSummary?.total ?? review.payload.inspections?.length ?? 0;
  const [page, setPage] = useState<number | undefined>();
  // What the core answered, with the page it answers: a page still on its way shows as loading, never the last one.
  const [answer, setAnswer] = useState<{ page: number; rows: Loadable<Inspection[]> } | undefined>();
  const [pagesShown, setPagesShown] = useState<ReadonlySet<number>>(new Set());

  useEffect(() => {
    if (page === undefined) return;
    let current = true;
    void read({ reviewId: review.id, offset: page * INSPECTION_PAGE_SIZE }).then((result) => {
      if (!current) return;
      setAnswer({ page, rows: result.ok ? { state: 'loaded', value: result.value.rows } : { state: 'failed', error: result.error.message } });
      if (result.ok) setPagesShown((shown) => new Set(shown).add(page));
    });
    return () => {
      current = false;
    };
  }, [page, review.id, read]);

  const rows: Loadable<Inspection[]> = answer !== undefined && answer.page === page ? answer.rows : { state: 'loading' };
  return {
    total,
    more: total > REVIEW_CARD_INSPECTIONS,
    page,
    pageCount: Math.ceil(total / INSPECTION_PAGE_SIZE),
    rows,
    shown: countShown(pagesShown, total),
    showPage: setPage,
    showFirst: () => setPage(undefined),
  };
}
