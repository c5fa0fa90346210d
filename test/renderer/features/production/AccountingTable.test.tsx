import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AccountingTable } from '../../../../renderer/src/features/production/AccountingTable';
import { productionFormats } from '../../../../renderer/src/features/production/formats';
import { createFakeClient } from '../../helpers/fake-client';
import { renderWithStore } from '../../helpers/render';
import { counts } from './fixtures';

const f = productionFormats('en', 'UTC');

afterEach(cleanup);

describe('the card accounting table', () => {
  it('counts each column per machine and for the whole line, yield as a share and reprints from both sources', () => {
    const line1 = counts({
      started: 1200,
      completed: 1100,
      faulted: 60,
      rejected: 40,
      destroyed: 12,
      producedButFaulted: 9,
      producedAndDestroyed: 5,
      attempts: 1230,
      retriedJobs: 3,
      rapidadminReprints: 2,
      yield: 0.9166,
    });
    renderWithStore(
      <AccountingTable groupBy="machine" rows={[{ key: 'aida-1', counts: line1 }]} total={line1} f={f} groupName={() => 'AIDA line 1'} caption="Card accounting" />,
      createFakeClient(),
    );
    const table = screen.getByRole('table', { name: 'Card accounting' });
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Machine', 'Started', 'Completed', 'Faulted', 'Rejected', 'Cancelled', 'Cards destroyed', 'Produced but faulted', 'Not reported', 'Unfinished', 'Yield', 'Reprints', 'Attempts']);
    const row = within(table).getByRole('row', { name: /AIDA line 1/ });
    const cells = within(row).getAllByRole('cell').map((c) => c.textContent);
    expect(cells).toEqual(['1,200', '1,100', '60', '40', '0', '12', '9', '0', '0', '91.7%', '5', '1,230']);
    expect(within(table).getByRole('row', { name: /^All/ })).toBeTruthy();
    expect(screen.getByText(/5 jobs are both destroyed and produced but faulted/)).toBeTruthy();
  });

  it('writes "none known" for jobs without the group, and a dash for a yield with nothing finished', () => {
    renderWithStore(
      <AccountingTable groupBy="batch" rows={[{ key: '', counts: counts({ started: 3, unfinished: 3 }) }]} total={counts({ started: 3, unfinished: 3 })} f={f} groupName={(r) => r.key} caption="Per batch" />,
      createFakeClient(),
    );
    const row = screen.getByRole('row', { name: /none known/ });
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)[9]).toBe('—');
  });

  it('speaks German, with German numbers', () => {
    const total = counts({ started: 1500, completed: 1450, faulted: 50, yield: 1450 / 1500 });
    const { store } = renderWithStore(
      <AccountingTable groupBy="machine" rows={[]} total={total} f={productionFormats('de', 'UTC')} groupName={(r) => r.key} caption="Kartenbilanz" />,
      createFakeClient(),
    );
    act(() => store.getState().setLanguage('de'));
    const row = screen.getByRole('row', { name: /^Gesamt/ });
    expect(within(row).getAllByRole('cell').map((c) => c.textContent).slice(0, 3)).toEqual(['1.500', '1.450', '50']);
    expect(within(row).getAllByRole('cell')[9]?.textContent).toBe('96,7\u00a0%');
    expect(screen.getByRole('columnheader', { name: 'Karten vernichtet' })).toBeTruthy();
  });
});
