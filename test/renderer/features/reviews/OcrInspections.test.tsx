import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '../../../../shared/api/result';
import { INSPECTION_PAGE_SIZE, REVIEW_CARD_INSPECTIONS, type Inspection, type ReviewView } from '../../../../shared/api/reviews';
import { ReviewsView } from '../../../../renderer/src/features/reviews/ReviewsView';
import { createFakeClient } from '../../helpers/fake-client';
import { command, renderWithConsole, review } from '../alerts/fixtures';

afterEach(cleanup);

const TOTAL = 30_000;
/** The store's inspections of one huge read: the one at position i reads `READ-i`. */
const inspection = (i: number): Inspection => ({ name: `Field ${i + 1}`, text: `READ-${i + 1}`, confidence: i % 7 === 0 ? 0.6 : 0.9 });

/** A review as the core sends one for a 30,000-result message: its first inspections and the counts over all. */
const huge = review({
  belowThreshold: true,
  payload: { inspections: Array.from({ length: REVIEW_CARD_INSPECTIONS }, (_, i) => inspection(i)) },
  inspectionSummary: { total: TOTAL, belowThreshold: 4288, outOfRange: 1, missing: 1, lowest: 0.41 },
});

async function showReviews(reviews: ReviewView[]) {
  const client = createFakeClient();
  client.handle('listReviews', () => ok({ queue: reviews, recent: [], recentTotal: 0 }));
  client.handle('listReviewInspections', ({ offset, limit = INSPECTION_PAGE_SIZE }) =>
    ok({ rows: Array.from({ length: Math.max(0, Math.min(limit, TOTAL - offset)) }, (_, i) => inspection(offset + i)), total: TOTAL, offset }),
  );
  client.handle('decide', ({ reviewId, outcome }) => ok(command({ kind: 'signal', reviewId, state: 'sent', payload: { outcome } })));
  return renderWithConsole(<ReviewsView />, { reviews }, client);
}

const rowsOf = (card: HTMLElement) => card.querySelectorAll('li.inspection');

describe('a read with more inspections than its card shows', () => {
  it('shows the core’s counts over all of them, lists only the first, and Approve says how many were shown', async () => {
    const { client } = await showReviews([huge]);
    const card = screen.getByRole('article', { name: /OCR read/ });
    const summary = card.querySelector('.inspection-summary')?.textContent ?? '';
    expect(summary).toContain('30,000 inspections');
    expect(summary).toContain('4,288 below the threshold (80 %)');
    expect(summary).toContain('lowest confidence 41 %');
    expect(summary).toContain('1 sent outside 0–1');
    expect(summary).toContain('1 with no confidence sent');
    expect(rowsOf(card)).toHaveLength(REVIEW_CARD_INSPECTIONS);
    expect(card.textContent).toContain('Showing the first 20 of 30,000 inspections.');
    // Rendering stays small whatever the message: a few hundred elements, not hundreds of thousands.
    expect(card.querySelectorAll('*').length).toBeLessThan(600);

    const approve = within(card).getByRole('button', { name: /Approve/ });
    expect(approve.textContent).toContain('(20 of 30,000 inspections shown)');
    await act(async () => fireEvent.click(approve));
    expect(client.callsTo('decide')).toEqual([{ reviewId: 7, outcome: 'Completed' }]);
  });

  it('"Show all" pages through the rest from the core, one page on screen at a time, and counts what was shown', async () => {
    const { client } = await showReviews([huge]);
    const card = screen.getByRole('article', { name: /OCR read/ });
    await act(async () => fireEvent.click(within(card).getByRole('button', { name: /Show all 30,000/ })));
    expect(client.callsTo('listReviewInspections')).toEqual([{ reviewId: 7, offset: 0 }]);
    expect(rowsOf(card)).toHaveLength(INSPECTION_PAGE_SIZE);
    expect(card.textContent).toContain('Inspections 1–100 of 30,000 (page 1 of 300)');
    expect(within(card).getByRole('button', { name: /Approve/ }).textContent).toContain('(100 of 30,000 inspections shown)');

    // The pager stands above the page and again below it.
    expect(within(card).getAllByRole('group', { name: 'Inspections, page by page' })).toHaveLength(2);
    await act(async () => fireEvent.click(within(card).getAllByRole('button', { name: /Next 100/ })[1] as HTMLElement));
    expect(client.callsTo('listReviewInspections').at(-1)).toEqual({ reviewId: 7, offset: 100 });
    expect(rowsOf(card)).toHaveLength(INSPECTION_PAGE_SIZE);
    expect(within(card).getByText('READ-101')).toBeTruthy();
    expect(within(card).queryByText('READ-100')).toBeNull();
    expect(card.textContent).toContain('101. Field 101');
    expect(within(card).getByRole('button', { name: /Approve/ }).textContent).toContain('(200 of 30,000 inspections shown)');

    // Back to the card's first ones: what was shown stays counted.
    fireEvent.click(within(card).getAllByRole('button', { name: /Show only the first 20/ })[0] as HTMLElement);
    expect(rowsOf(card)).toHaveLength(REVIEW_CARD_INSPECTIONS);
    expect(within(card).getByRole('button', { name: /Approve/ }).textContent).toContain('(200 of 30,000 inspections shown)');
  });

  it('says nothing of the kind for a read its card shows whole', async () => {
    await showReviews([review({ inspectionSummary: { total: 1, belowThreshold: 0, outOfRange: 0, missing: 0, lowest: 0.97 } })]);
    const card = screen.getByRole('article', { name: /OCR read/ });
    expect(within(card).getByRole('button', { name: 'Approve' })).toBeTruthy();
    expect(within(card).queryByRole('button', { name: /Show all/ })).toBeNull();
    expect(card.querySelector('.inspection-summary')?.textContent).toContain('1 inspection · none below the threshold (80 %)');
  });
});
