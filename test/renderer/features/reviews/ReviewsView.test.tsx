import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '../../../../shared/api/result';
import type { ReviewView } from '../../../../shared/api/reviews';
import { createFakeClient } from '../../helpers/fake-client';
import { NavBar } from '../../../../renderer/src/app/NavBar';
import { ReviewsView } from '../../../../renderer/src/features/reviews/ReviewsView';
import { command, deferred, renderWithConsole, review } from '../alerts/fixtures';

afterEach(cleanup);

async function showReviews(reviews: ReviewView[], extra: { pinRequired?: boolean } = {}) {
  const client = createFakeClient();
  client.handle('listReviews', () => ok({ queue: reviews, recent: [], recentTotal: 0 }));
  client.handle('decide', ({ reviewId, outcome, reason }) =>
    ok(command({ kind: 'signal', reviewId, state: 'sent', payload: { outcome, ...(reason ? { errorReason: reason } : {}) } })),
  );
  return renderWithConsole(
    <>
      <NavBar />
      <ReviewsView />
    </>,
    { reviews, ...extra },
    client,
  );
}

const lowRead = review({
  belowThreshold: true,
  payload: {
    inspections: [
      { name: 'Surname', text: 'MUSTERMANN', confidence: 0.97 },
      { name: 'Document number', text: 'C01X00T47', confidence: 0.62 },
    ],
  },
});

describe('the review queue', () => {
  it('shows every inspection, its text and confidence, and says in words which are below the threshold', async () => {
    await showReviews([lowRead]);
    const card = screen.getByRole('article', { name: /OCR read — AIDA line 1/ });
    expect(card.textContent).toContain('CORR-40');
    expect(card.textContent).toContain('Waiting');
    expect(within(card).getByText('MUSTERMANN').className).toContain('ocr-text');
    expect(within(card).getByText('C01X00T47')).toBeTruthy();
    expect(card.textContent).toContain('97 %');
    expect(card.textContent).toContain('62 %');
    const meters = within(card).getAllByRole('meter');
    expect(meters.map((m) => m.getAttribute('aria-valuenow'))).toEqual(['97', '62']);
    // One warning, on the low inspection only, and the card's own badge.
    expect(within(card).getAllByText(/Below threshold \(80 %\)/)).toHaveLength(1);
    expect(within(card).getByText(/Low confidence/)).toBeTruthy();
  });

  it('shows a confidence sent outside 0..1 exactly as sent, with a warning in words, never as a percentage', async () => {
    await showReviews([review({ belowThreshold: true, payload: { inspections: [{ name: 'MRZ', text: 'P<UTO', rawConfidence: 97 }] } })]);
    const card = screen.getByRole('article', { name: /OCR read — AIDA line 1/ });
    expect(card.textContent).toContain('Confidence as sent: 97');
    expect(card.textContent).toContain('Outside 0–1 as sent: check every character');
    expect(card.textContent).not.toContain('97 %');
  });

  it('shows spaces of a read where they are and names them, and an empty read in words', async () => {
    await showReviews([
      review({
        payload: {
          inspections: [
            { name: 'Surname', text: ' ANNA  ', confidence: 0.99 },
            { name: 'Given names', text: '   ', confidence: 0.99 },
            { name: 'Number', text: '', confidence: 0.99 },
          ],
        },
      }),
    ]);
    const card = screen.getByRole('article', { name: /OCR read — AIDA line 1/ });
    expect(within(card).getByText(' ANNA  ', { normalizer: (t) => t }).className).toContain('ocr-text');
    expect(card.textContent).toContain('(starts with 1 space, ends with 2 spaces)');
    expect(card.textContent).toContain('(3 spaces only)');
    expect(card.textContent).toContain('(nothing read)');
  });

  it('counts the reviews waiting for a person on the navigation', async () => {
    await showReviews([lowRead, review({ id: 8 }), review({ id: 9, state: 'decided', decision: 'Completed' })]);
    expect(screen.getByRole('tab', { name: /Reviews/ }).textContent).toContain('2');
  });

  it('Approve sends outcome Completed, once however often it is pressed', async () => {
    const { client } = await showReviews([review()]);
    const gate = deferred<ReturnType<typeof ok<ReturnType<typeof command>>>>();
    client.handle('decide', () => gate.promise);
    const approve = screen.getByRole('button', { name: 'Approve' });
    fireEvent.click(approve);
    fireEvent.click(approve);
    await act(async () => gate.resolve(ok(command({ kind: 'signal', reviewId: 7, state: 'sent' }))));
    expect(client.callsTo('decide')).toEqual([{ reviewId: 7, outcome: 'Completed' }]);
  });

  it('Reject asks for the reason first, and sends it', async () => {
    const { client } = await showReviews([lowRead]);
    fireEvent.click(screen.getByRole('button', { name: /Reject/ }));
    expect(client.callsTo('decide')).toEqual([]);
    const dialog = screen.getByRole('dialog');
    expect(dialog.textContent).toContain('destroyed');
    const confirm = within(dialog).getByRole('button', { name: /reject the card/ }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);

    fireEvent.click(within(dialog).getByLabelText('Text does not match the document'));
    expect(confirm.disabled).toBe(false);
    await act(async () => fireEvent.click(confirm));
    expect(client.callsTo('decide')).toEqual([{ reviewId: 7, outcome: 'Faulted', reason: 'Text does not match the document' }]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('a typed reason wins over a picked one', async () => {
    const { client } = await showReviews([review()]);
    fireEvent.click(screen.getByRole('button', { name: /Reject/ }));
    const dialog = screen.getByRole('dialog');
    fireEvent.click(within(dialog).getByLabelText('Card damaged or badly marked'));
    fireEvent.change(within(dialog).getByLabelText('Other reason'), { target: { value: '  Photo smudged  ' } });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: /reject the card/ })));
    expect(client.callsTo('decide')).toEqual([{ reviewId: 7, outcome: 'Faulted', reason: 'Photo smudged' }]);
  });

  it('offers only Reject for a job suspended for a reason the console does not know', async () => {
    await showReviews([review({ kind: 'unknown', payload: {}, jobId: undefined, correlationId: undefined })]);
    const card = screen.getByRole('article', { name: /Suspended, reason unknown/ });
    expect(within(card).queryByRole('button', { name: /Approve/ })).toBeNull();
    expect(within(card).getByRole('button', { name: /Reject/ })).toBeTruthy();
  });

  it('shows the card in its encoder with Encoded / Failed, and Failed asks for a reason', async () => {
    const { client } = await showReviews([
      review({ kind: 'encoder', payload: { encoder: { encoderId: 'ENC-2', encoderIndex: 1 } } }),
    ]);
    const card = screen.getByRole('article', { name: /Chip encoding/ });
    expect(card.textContent).toContain('ENC-2');
    expect(card.textContent).toContain('position 1');
    fireEvent.click(within(card).getByRole('button', { name: /Failed/ }));
    const dialog = screen.getByRole('dialog');
    fireEvent.click(within(dialog).getByLabelText('Chip does not answer'));
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: /reject the card/ })));
    await act(async () => fireEvent.click(within(card).getByRole('button', { name: 'Encoded' })));
    expect(client.callsTo('decide')).toEqual([
      { reviewId: 7, outcome: 'Faulted', reason: 'Chip does not answer' },
      { reviewId: 7, outcome: 'Completed' },
    ]);
  });

  it('lets a person say the chip encoding was cancelled rather than failed, inside the reject dialog, with its reason', async () => {
    const { client } = await showReviews([review({ kind: 'encoder', payload: { encoder: { encoderId: 'ENC-2', encoderIndex: 1 } } })]);
    const card = screen.getByRole('article', { name: /Chip encoding/ });
    // No button of its own: cancelling rejects the card, so it is only a choice inside the confirmation.
    expect(within(card).queryByRole('button', { name: /Cancelled/ })).toBeNull();
    fireEvent.click(within(card).getByRole('button', { name: /Failed/ }));
    const dialog = screen.getByRole('dialog');
    const choice = within(dialog).getByRole('group', { name: 'What happened to the chip encoding?' });
    const failed = within(choice).getByLabelText(/^Failed/) as HTMLInputElement;
    expect(failed.checked).toBe(true);
    fireEvent.click(within(choice).getByLabelText(/^Cancelled, not failed/));
    expect(dialog.textContent).toContain('destroyed');
    const confirm = within(dialog).getByRole('button', { name: /Reject the card \(cancelled\)/ }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.click(within(dialog).getByLabelText('Encoding failed or was interrupted'));
    await act(async () => fireEvent.click(confirm));
    expect(client.callsTo('decide')).toEqual([{ reviewId: 7, outcome: 'Canceled', reason: 'Encoding failed or was interrupted' }]);
  });

  it('offers no "cancelled" choice for an OCR read, where no external process ran', async () => {
    await showReviews([review()]);
    fireEvent.click(screen.getByRole('button', { name: /Reject/ }));
    expect(within(screen.getByRole('dialog')).queryByLabelText(/Cancelled/)).toBeNull();
  });

  it('shows readback fields as they came, with Approve and Reject', async () => {
    await showReviews([review({ kind: 'barcode-readback', payload: { fields: { Symbology: 'PDF417', Data: 'ABC123' } } })]);
    const card = screen.getByRole('article', { name: /Barcode readback/ });
    expect(card.textContent).toContain('PDF417');
    expect(within(card).getByRole('button', { name: 'Approve' })).toBeTruthy();
    expect(within(card).getByRole('button', { name: /Reject/ })).toBeTruthy();
  });

  it('asks for the supervisor PIN before Approve when one is configured', async () => {
    const { client } = await showReviews([review()], { pinRequired: true });
    fireEvent.click(screen.getByRole('button', { name: 'Approve' }));
    expect(client.callsTo('decide')).toEqual([]);
    const dialog = screen.getByRole('dialog');
    expect(document.activeElement).toBe(within(dialog).getByLabelText('Supervisor PIN'));
    fireEvent.change(within(dialog).getByLabelText('Supervisor PIN'), { target: { value: '2468' } });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: /Approve/ })));
    expect(client.callsTo('decide')).toEqual([{ reviewId: 7, outcome: 'Completed', pin: '2468' }]);
  });

  it('shows a decided review’s signal state, and "Send again" when it failed', async () => {
    const decided = review({ state: 'decided', decision: 'Faulted', decidedBy: 'sam@line2', reason: 'Text unreadable or incomplete' });
    const { client } = await showReviews([decided]);
    client.handle('retryCommand', ({ commandId }) => ok(command({ id: commandId, kind: 'signal', reviewId: 7, state: 'queued' })));
    const card = screen.getByRole('article', { name: /OCR read/ });
    expect(within(card).queryByRole('button', { name: 'Approve' })).toBeNull();
    expect(card.textContent).toContain('Rejected by sam@line2');

    act(() =>
      client.emit({
        type: 'commands',
        commands: [command({ id: 30, kind: 'signal', reviewId: 7, state: 'failed', outcome: 'HTTP 409: not suspended' })],
      }),
    );
    expect(within(card).getByRole('status').textContent).toContain('Decision: Failed');
    expect(card.textContent).toContain('HTTP 409: not suspended');
    await act(async () => fireEvent.click(within(card).getByRole('button', { name: 'Send again' })));
    expect(client.callsTo('retryCommand')).toEqual([{ commandId: 30 }]);
    expect(within(card).getByRole('status').textContent).toContain('Decision: Queued');
    expect(within(card).queryByRole('button', { name: 'Send again' })).toBeNull();
  });

  it('shows the newest finished reviews, and older ones on "Show more"', async () => {
    const finished = Array.from({ length: 14 }, (_, i) => review({ id: 100 - i, jobId: `J${100 - i}`, state: 'closed', closedAt: '2025-01-01T10:05:00.000Z' }));
    const client = createFakeClient();
    client.handle('listReviews', ({ before, limit = 10 }) => {
      const from = finished.filter((r) => before === undefined || r.id < before);
      const rows = from.slice(0, limit);
      return ok({ queue: [], recent: rows, recentTotal: finished.length, ...(from.length > limit ? { recentNext: rows.at(-1)?.id } : {}) });
    });
    await renderWithConsole(<ReviewsView />, {}, client);
    const recent = screen.getByRole('region', { name: 'Recently finished' });
    expect(within(recent).getByText('10 of 14 finished reviews shown')).toBeTruthy();
    await act(async () => fireEvent.click(within(recent).getByRole('button', { name: /Show more/ })));
    expect(client.callsTo('listReviews').at(-1)).toEqual({ before: 91, limit: 10 });
    expect(within(recent).getByText('All 14 finished reviews shown')).toBeTruthy();
    expect(within(recent).getByText('J87')).toBeTruthy();
  }, 20_000);
});
