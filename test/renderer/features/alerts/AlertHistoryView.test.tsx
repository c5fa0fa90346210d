import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '../../../../shared/api/result';
import { createFakeClient } from '../../helpers/fake-client';
import { keysetServer } from '../../helpers/keyset';
import { AlertHistoryView } from '../../../../renderer/src/features/alerts/AlertHistoryView';
import { alert, renderWithConsole } from './fixtures';

afterEach(cleanup);

describe('the alert history', () => {
  it('lists each alert with who acted and when, and what closed it', async () => {
    const client = createFakeClient();
    client.handle('listAlertHistory', () =>
      ok({
        total: 2,
        rows: [
          alert({
            id: 2,
            closedAt: '2025-01-01T10:02:00.000Z',
            closedReason: 'the machine reports it runs again',
            actions: [{ at: '2025-01-01T10:01:00.000Z', actor: 'anna@line2', what: 'resume', state: 'acknowledged' }],
          }),
          alert({ id: 1, kind: 'silence', code: undefined, title: 'No message from AIDA line 1' }),
        ],
      }),
    );
    await renderWithConsole(<AlertHistoryView />, {}, client);
    expect(client.callsTo('listAlertHistory')[0]).toEqual({ limit: 50 });
    const rows = screen.getAllByRole('row');
    const closed = within(rows[1] as HTMLElement);
    expect(closed.getByText(/Resume/).textContent).toContain('Resume');
    expect(rows[1]?.textContent).toContain('by anna@line2 — Accepted by the machine');
    expect(rows[1]?.textContent).toContain('Closed');
    expect(rows[1]?.textContent).toContain('the machine reports it runs again');
    expect(rows[2]?.textContent).toContain('Open');
    expect(rows[2]?.textContent).toContain('Nobody acted from the console');
  });

  it('shows the newest page, then older alerts on "Show more", and keeps them when an alert opens', async () => {
    const history = Array.from({ length: 70 }, (_, i) => alert({ id: 70 - i, title: `Alert ${70 - i}` }));
    const serve = keysetServer(history, (a) => a.id);
    const client = createFakeClient();
    client.handle('listAlertHistory', (q) => ok(serve(q)));
    await renderWithConsole(<AlertHistoryView />, {}, client);
    expect(screen.getByText('50 of 70 alerts shown')).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /Show more/ })));
    expect(client.callsTo('listAlertHistory').at(-1)).toEqual({ before: 21, limit: 50 });
    expect(screen.getByText('All 70 alerts shown')).toBeTruthy();

    // An alert opens: the history reads its first page again, and the older rows shown stay below it.
    history.unshift(alert({ id: 71, title: 'Alert 71' }));
    await act(async () => client.emit({ type: 'alerts', active: [alert({ id: 71 })] }));
    const ids = screen.getAllByRole('row').slice(1).map((r) => Number(r.getAttribute('data-alert-id')));
    expect(ids).toEqual(history.map((a) => a.id));
  }, 20_000);
});
