import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '../../../../shared/api/result';
import { ReviewsView } from '../../../../renderer/src/features/reviews/ReviewsView';
import { createFakeClient } from '../../helpers/fake-client';
import { renderWithConsole, review } from '../alerts/fixtures';

afterEach(cleanup);

/** English words of the card that must not be left on a German screen. */
const ENGLISH = /Waiting|Approve|Reject|Low confidence|Confidence|Correlation|Workflow instance|threshold|check every character|\bJob\b|spaces?\b/;

const lowRead = review({
  belowThreshold: true,
  payload: {
    inspections: [
      { name: 'Surname', text: 'MUSTERMANN ', confidence: 0.97 },
      { name: 'Document number', text: 'C01X00T47', confidence: 0.62 },
    ],
  },
});

async function showInGerman() {
  const client = createFakeClient();
  client.handle('listReviews', () => ok({ queue: [lowRead], recent: [], recentTotal: 0 }));
  const shown = await renderWithConsole(<ReviewsView />, { reviews: [lowRead] }, client);
  act(() => shown.store.getState().setLanguage('de'));
  return shown;
}

describe('a review card in German', () => {
  it('reads in German, and what the machine read stays exactly as sent', async () => {
    await showInGerman();
    expect(screen.getByRole('heading', { name: 'Wartet auf Entscheidung (1)' })).toBeTruthy();
    const card = screen.getByRole('article', { name: 'OCR-Lesung — AIDA line 1' });
    const text = card.textContent ?? '';
    for (const german of ['Geringe Sicherheit', 'Wartet seit', 'Auftrag', 'Korrelation', 'Workflow-Instanz', 'Sicherheit 62 %', '(0,62)']) {
      expect(text).toContain(german);
    }
    expect(within(card).getAllByText(/Unter der Schwelle \(80 %\): Prüfen Sie jedes Zeichen/)).toHaveLength(1);
    expect(within(card).getByRole('button', { name: /Freigeben/ })).toBeTruthy();
    expect(within(card).getByRole('button', { name: /Ablehnen/ })).toBeTruthy();
    // The read and the inspections' names are the machine's: never translated, its trailing space named in German.
    expect(within(card).getByText('MUSTERMANN', { exact: false, normalizer: (s) => s }).textContent).toBe('MUSTERMANN ');
    expect(text).toContain('(endet mit 1 Leerzeichen)');
    expect(text).toContain('Surname');
    expect(text).toContain('Document number');
    expect(text.replace(/Surname|Document number/g, '')).not.toMatch(ENGLISH);
  });

  it('asks for the reason of a rejection in German', async () => {
    await showInGerman();
    fireEvent.click(screen.getByRole('button', { name: /Ablehnen/ }));
    const dialog = screen.getByRole('dialog', { name: 'Ablehnen: OCR-Lesung an AIDA line 1, Auftrag 40' });
    const text = dialog.textContent ?? '';
    expect(text).toContain('Die Maschine sondert die Karte aus');
    expect(text).toContain('Warum? Wählen Sie einen Grund oder geben Sie einen ein');
    expect(within(dialog).getByRole('radio', { name: 'Text unleserlich oder unvollständig' })).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Karte behalten' })).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: /Ablehnen: Karte aussondern/ })).toBeTruthy();
    expect(text).not.toMatch(/Reject|reason|Cancel|card will be/);
  });
});
