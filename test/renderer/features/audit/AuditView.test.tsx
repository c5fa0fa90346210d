import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fail, ok } from '../../../../shared/api/result';
import { createFakeClient } from '../../helpers/fake-client';
import { keysetServer } from '../../helpers/keyset';
import { AuditView } from '../../../../renderer/src/features/audit/AuditView';
import { StoreProvider } from '../../../../renderer/src/store/context';
import { command, renderWithConsole } from '../alerts/fixtures';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const decision = command({
  id: 3,
  kind: 'signal',
  state: 'failed',
  actor: 'sam@line2',
  role: 'supervisor',
  reviewId: 7,
  payload: { workflowInstanceId: 'wf-40', outcome: 'Faulted', errorReason: 'Text unreadable' },
  outcome: 'HTTP 409: not suspended',
});

/** The audit view over a trail of the decision and `older` resumes below it. */
async function showAudit(older = 1) {
  const client = createFakeClient();
  const trail = [decision, ...Array.from({ length: older }, (_, i) => command({ id: 2 - i, kind: 'resume' }))];
  const serve = keysetServer(trail, (c) => c.id);
  client.handle('listAudit', (q) => ok(serve(q)));
  return { ...(await renderWithConsole(<AuditView />, {}, client)), trail };
}

describe('the audit view', () => {
  it('shows who, role, when, machine, what, payload, state in words and the outcome', async () => {
    await showAudit();
    const row = screen.getAllByRole('row')[1] as HTMLElement;
    expect(row.textContent).toContain('sam@line2');
    expect(row.textContent).toContain('supervisor');
    expect(row.textContent).toContain('AIDA line 1');
    expect(row.textContent).toContain('Decision: Faulted');
    expect(row.textContent).toContain('"errorReason":"Text unreadable"');
    expect(within(row).getByText(/Failed/)).toBeTruthy();
    expect(row.textContent).toContain('HTTP 409: not suspended');
    expect(screen.getByText('2 commands match')).toBeTruthy();
    expect(screen.getByText('All 2 commands shown')).toBeTruthy();
  });

  it('shows the newest page, then the next older one on "Show more", unmoved by commands that arrive meanwhile', async () => {
    vi.useFakeTimers();
    try {
      const { client, trail } = await showAudit(59);
      expect(screen.getAllByRole('row')).toHaveLength(1 + 50);
      expect(screen.getByText('50 of 60 commands shown')).toBeTruthy();
      // Two commands arrive, and the first page is read again: they go on top, the rows below stay as they were.
      trail.unshift(command({ id: 5, kind: 'stop' }), command({ id: 4, kind: 'stop' }));
      act(() => client.emit({ type: 'commands', commands: [command({ id: 5 })] }));
      await act(async () => vi.advanceTimersByTimeAsync(400));
      await act(async () => fireEvent.click(screen.getByRole('button', { name: /Show more/ })));
      expect(client.callsTo('listAudit').at(-1)).toEqual({ before: -46, limit: 50 });
      const ids = screen.getAllByRole('row').slice(1).map((r) => Number(r.getAttribute('data-command-id')));
      expect(ids).toEqual(trail.map((c) => c.id));
      expect(screen.getByText('All 62 commands shown')).toBeTruthy();
      expect(screen.queryByRole('button', { name: /Show more/ })).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  }, 20_000);

  it('filters by machine, kind, state, who and time range, from the first page', async () => {
    const { client, store, view } = await showAudit(59);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /Show more/ })));
    expect(client.callsTo('listAudit').at(-1)).toEqual({ before: -46, limit: 50 });

    fireEvent.change(screen.getByLabelText('Machine'), { target: { value: 'aida-1' } });
    fireEvent.change(screen.getByLabelText('What'), { target: { value: 'signal' } });
    fireEvent.change(screen.getByLabelText('State'), { target: { value: 'failed' } });
    fireEvent.change(screen.getByLabelText('Who'), { target: { value: ' sam ' } });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2025-01-01T09:00' } });
    fireEvent.change(screen.getByLabelText('Until'), { target: { value: '2025-01-01T11:00' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Show' })));
    const last = client.callsTo('listAudit').at(-1);
    expect(last).toEqual(expect.objectContaining({ machineId: 'aida-1', kind: 'signal', state: 'failed', actor: 'sam', limit: 50 }));
    expect(last?.before).toBeUndefined();
    expect(last?.since).toBe(new Date('2025-01-01T09:00').toISOString());
    // "Until 11:00" includes the whole minute.
    expect(last?.until).toBe(new Date(new Date('2025-01-01T11:00').getTime() + 59_999).toISOString());

    // Leaving the view and coming back shows the filter still applied, not a blank form over a filtered list.
    view.unmount();
    render(
      <StoreProvider store={store}>
        <AuditView />
      </StoreProvider>,
    );
    expect((screen.getByLabelText('State') as HTMLSelectElement).value).toBe('failed');
    expect((screen.getByLabelText('Until') as HTMLInputElement).value).toBe('2025-01-01T11:00');

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Clear filters' })));
    expect(client.callsTo('listAudit').at(-1)).toEqual({ limit: 50 });
  }, 20_000);

  it('exports the filtered trail: the served page downloads what the console streams', async () => {
    const { client } = await showAudit();
    client.handle('exportAudit', () => ok({ kind: 'download', filename: 'issuance-audit-x.csv', url: '/api/audit.csv?kind=signal' }));
    let downloaded: { name: string; href: string } | undefined;
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloaded = { name: this.download, href: this.getAttribute('href') ?? '' };
    });

    await act(async () => fireEvent.click(screen.getByRole('button', { name: /Export CSV/ })));
    expect(client.callsTo('exportAudit')).toEqual([{}]);
    expect(downloaded).toEqual({ name: 'issuance-audit-x.csv', href: '/api/audit.csv?kind=signal' });
    expect(screen.getByText('Download started: issuance-audit-x.csv')).toBeTruthy();

    // In the app the console writes the file the person chose, and says where.
    client.handle('exportAudit', () => ok({ kind: 'saved', filename: 'audit.csv', path: '/home/anna/audit.csv', rows: 12_345 }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Include archived years' }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /Export CSV/ })));
    expect(client.callsTo('exportAudit').at(-1)).toEqual({ includeArchive: true });
    expect(screen.getByText(`Saved ${(12_345).toLocaleString()} commands to /home/anna/audit.csv`)).toBeTruthy();

    client.handle('exportAudit', () => fail('internal', 'disk full'));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /Export CSV/ })));
    expect(screen.getByText('Export failed: disk full')).toBeTruthy();
  });

  it('exports the sign-ins, settings, accounts and refusals the filters select: downloaded as the console streams it, or saved', async () => {
    const { client, store } = await showAudit();
    client.handle('exportAuditEvents', () => ok({ kind: 'download', filename: 'issuance-audit-events-x.csv', url: '/api/audit-events.csv?kind=account' }));
    let downloaded: { name: string; href: string } | undefined;
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloaded = { name: this.download, href: this.getAttribute('href') ?? '' };
    });
    await act(() => store.getState().setAuditEventKind('account'));
    const events = screen.getByRole('region', { name: /Sign-ins, settings/ });

    await act(async () => fireEvent.click(within(events).getByRole('button', { name: /Export these as CSV/ })));
    expect(client.callsTo('exportAuditEvents')).toEqual([{ kind: 'account' }]);
    expect(downloaded).toEqual({ name: 'issuance-audit-events-x.csv', href: '/api/audit-events.csv?kind=account' });
    expect(within(events).getByText('Download started: issuance-audit-events-x.csv')).toBeTruthy();

    // In the app the console writes the file the person chose, and says where.
    client.handle('exportAuditEvents', () => ok({ kind: 'saved', filename: 'events.csv', path: '/home/ida/events.csv', rows: 123_456 }));
    await act(async () => fireEvent.click(within(events).getByRole('button', { name: /Export these as CSV/ })));
    expect(within(events).getByText(`Saved ${(123_456).toLocaleString()} events to /home/ida/events.csv`)).toBeTruthy();

    // A closed save dialog says nothing.
    client.handle('exportAuditEvents', () => ok({ kind: 'cancelled' }));
    await act(async () => fireEvent.click(within(events).getByRole('button', { name: /Export these as CSV/ })));
    expect(within(events).queryByRole('status')).toBeNull();

    client.handle('exportAuditEvents', () => fail('internal', 'disk full'));
    await act(async () => fireEvent.click(within(events).getByRole('button', { name: /Export these as CSV/ })));
    expect(within(events).getByText('Export failed: disk full')).toBeTruthy();
  });

  it('refreshes the page on screen when the core reports new commands', async () => {
    vi.useFakeTimers();
    try {
      const { client } = await showAudit();
      const before = client.callsTo('listAudit').length;
      act(() => client.emit({ type: 'commands', commands: [command({ id: 4 })] }));
      await act(async () => vi.advanceTimersByTimeAsync(400));
      expect(client.callsTo('listAudit').length).toBe(before + 1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('lists refused supervisor PINs beside the commands: when, who, for what, and the wait that followed', async () => {
    const client = createFakeClient();
    client.handle('listAudit', () => ok({ rows: [decision], total: 1 }));

    client.handle('listPinRefusals', () =>
      ok({
        rows: [
          { id: 2, at: '2025-03-01T10:00:03.000Z', actor: 'op@line2', action: 'decide', reviewId: 7, outcome: 'Faulted', reason: 'missing', waitMs: 2000, waited: 0, lastAt: '2025-03-01T10:00:03.000Z' },
          { id: 1, at: '2025-03-01T10:00:01.000Z', actor: 'op@line2', action: 'abort', machineId: 'aida-1', reason: 'wrong', waitMs: 1000, waited: 299, lastAt: '2025-03-01T10:00:01.900Z' },
        ],
        total: 2,
      }),
    );
    await renderWithConsole(<AuditView />, {}, client);
    const section = screen.getByRole('region', { name: /Refused supervisor PINs/ });
    const [, second, first] = within(section).getAllByRole('row') as HTMLElement[];
    expect(first?.textContent).toContain('Abort — AIDA line 1');
    expect(first?.textContent).toContain('Wrong PIN');
    expect(first?.textContent).toContain('Next try waited 1 s');
    expect(first?.textContent).toContain('299 more tries refused meanwhile');
    expect(second?.textContent).toContain('Decision: Faulted, review 7');
    expect(second?.textContent).toContain('No PIN given');
  });

  it('says when no supervisor PIN was refused, and reads the refusals again when one is', async () => {
    vi.useFakeTimers();
    try {
      const { client } = await showAudit();
      client.handle('listPinRefusals', () => ok({ rows: [], total: 0 }));
      act(() => client.emit({ type: 'audit' }));
      await act(async () => vi.advanceTimersByTimeAsync(400));
      expect(screen.getByText('No supervisor PIN has been refused.')).toBeTruthy();
      client.handle('listPinRefusals', () =>
        ok({ rows: [{ id: 1, at: '2025-03-01T10:00:01.000Z', actor: 'op@line2', action: 'abort', machineId: 'aida-1', reason: 'wrong', waitMs: 1000, waited: 0, lastAt: '2025-03-01T10:00:01.000Z' }], total: 1 }),
      );
      act(() => client.emit({ type: 'audit' }));
      await act(async () => vi.advanceTimersByTimeAsync(400));
      expect(screen.getByText(/Abort — AIDA line 1/)).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });
});
