import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEventView } from '../../../../shared/api/audit';
import { ok } from '../../../../shared/api/result';
import { AuditView } from '../../../../renderer/src/features/audit/AuditView';
import { createFakeClient } from '../../helpers/fake-client';
import { command, renderWithConsole } from '../alerts/fixtures';
import { answerSession, signedInAsOlga } from './fixtures';

afterEach(cleanup);

const steppedUp = command({
  id: 5,
  kind: 'signal',
  actor: 'Sam Supervisor',
  role: 'supervisor',
  accountId: 3,
  accountRole: 'supervisor',
  station: 'Line 2',
  signedIn: 'Olga Operator',
  reviewId: 7,
  payload: { outcome: 'Faulted', errorReason: 'Text unreadable' },
});

const EVENTS: AuditEventView[] = [
  { id: 'a-1', at: '2025-01-01T09:58:00.000Z', kind: 'account', actor: 'Olga Operator', accountId: 2, role: 'operator', station: 'Line 2', detail: 'Sign-in refused: wrong PIN' },
  { id: 's-1', at: '2025-01-01T09:59:00.000Z', kind: 'setting', actor: 'Ida IT', accountId: 1, role: 'it', station: 'Office', subject: 'review.autoApproveAbove', oldValue: '0.99', newValue: '0.95' },
];

describe('the audit names people', () => {
  it('shows the supervisor of a step-up, their role and station, and who was signed in there; filters by person', async () => {
    const client = createFakeClient();
    answerSession(client, signedInAsOlga());
    client.handle('listAudit', () => ok({ rows: [steppedUp], total: 1 }));
    client.handle('listAuditEvents', () => ok({ rows: EVENTS, total: EVENTS.length }));
    const { store } = await renderWithConsole(<AuditView />, {}, client);
    await act(() => store.getState().loadAuth());
    const row = screen.getAllByRole('row')[1] as HTMLElement;
    expect(row.textContent).toContain('Sam Supervisor');
    expect(row.textContent).toContain('Supervisor · Line 2');
    expect(row.textContent).toContain('approved at the station of Olga Operator');

    fireEvent.change(screen.getByLabelText('Person'), { target: { value: '3' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /Show/ })));
    expect(client.callsTo('listAudit').at(-1)).toMatchObject({ accountId: 3, limit: 50 });
    // The same person filter narrows the sign-ins, settings and account changes beside the commands.
    expect(client.callsTo('listAuditEvents').at(-1)).toMatchObject({ accountId: 3 });
  });

  it('lists sign-ins, refused PINs and settings changes beside the commands, with person, role and station', async () => {
    const client = createFakeClient();
    answerSession(client, signedInAsOlga());
    client.handle('listAudit', () => ok({ rows: [], total: 0 }));
    client.handle('listAuditEvents', () => ok({ rows: EVENTS, total: EVENTS.length }));
    const { store } = await renderWithConsole(<AuditView />, {}, client);
    await act(() => store.getState().loadAuth());
    const events = screen.getByRole('region', { name: /Sign-ins, settings/ });
    const [refusal, setting] = within(events).getAllByRole('row').slice(1) as HTMLElement[];
    expect(refusal?.textContent).toContain('Olga Operator');
    expect(refusal?.textContent).toContain('Operator · Line 2');
    expect(refusal?.textContent).toContain('Sign-in refused: wrong PIN');
    expect(setting?.textContent).toContain('Setting changed');
    expect(setting?.textContent).toContain('review.autoApproveAbove · 0.99 → 0.95');
    fireEvent.change(within(events).getByLabelText('Which'), { target: { value: 'setting' } });
    await act(async () => {});
    expect(client.callsTo('listAuditEvents').at(-1)).toMatchObject({ kind: 'setting' });
  });
});
