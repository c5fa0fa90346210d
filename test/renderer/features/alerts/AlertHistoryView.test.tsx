import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '../../../../shared/api/result';
import { createFakeClient } from '../../helpers/fake-client';
import { AlertHistoryView } from '../../../../renderer/src/features/alerts/AlertHistoryView';
import { alert, renderWithConsole } from './fixtures';

afterEach(cleanup);

describe('the alert history', () => {
  it('lists each alert with who acted and when, and what closed it', async () => {
    const client = createFakeClient();
    client.handle('listAlertHistory', () =>
      ok([
        alert({
          id: 2,
          closedAt: '2025-01-01T10:02:00.000Z',
          closedReason: 'the machine reports it runs again',
          actions: [{ at: '2025-01-01T10:01:00.000Z', actor: 'anna@line2', what: 'resume', state: 'acknowledged' }],
        }),
        alert({ id: 1, kind: 'silence', code: undefined, title: 'No message from AIDA line 1' }),
      ]),
    );
    await renderWithConsole(<AlertHistoryView />, {}, client);
    expect(client.callsTo('listAlertHistory')[0]).toEqual({ limit: 200 });
    const rows = screen.getAllByRole('row');
    const closed = within(rows[1] as HTMLElement);
    expect(closed.getByText(/Resume/).textContent).toContain('Resume');
    expect(rows[1]?.textContent).toContain('by anna@line2 — acknowledged');
    expect(rows[1]?.textContent).toContain('Closed');
    expect(rows[1]?.textContent).toContain('the machine reports it runs again');
    expect(rows[2]?.textContent).toContain('Open');
    expect(rows[2]?.textContent).toContain('Nobody acted from the console');
  });
});
