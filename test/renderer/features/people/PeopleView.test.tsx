import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountView } from '../../../../shared/api/people';
import { ok } from '../../../../shared/api/result';
import { NavBar } from '../../../../renderer/src/app/NavBar';
import { ViewSwitch } from '../../../../renderer/src/app/ViewSwitch';
import { createFakeClient } from '../../helpers/fake-client';
import { renderWithConsole } from '../alerts/fixtures';
import { answerSession, session, signedInAsOlga } from './fixtures';

afterEach(cleanup);

const LATER = new Date(Date.now() + 15 * 60_000).toISOString();

function account(overrides: Partial<AccountView> & { id: number; name: string }): AccountView {
  return { role: 'operator', source: 'console', hasBadge: false, disabled: false, mustChangePin: false, ...overrides };
}

const ACCOUNTS: AccountView[] = [
  account({ id: 1, name: 'Ida IT', role: 'it', hasBadge: true }),
  account({ id: 2, name: 'Olga Operator', lockedUntil: LATER, mustChangePin: true }),
  account({ id: 5, name: 'Fred File', role: 'supervisor', source: 'file' }),
];

const IDA = session({ signInRequired: false, person: { accountId: 1, name: 'Ida IT', role: 'it' } });

async function peopleScreen() {
  const client = createFakeClient();
  answerSession(client, IDA);
  let accounts = [...ACCOUNTS];
  client.handle('listAccounts', () => ok(accounts));
  const replace = (a: AccountView) => {
    accounts = accounts.some((x) => x.id === a.id) ? accounts.map((x) => (x.id === a.id ? a : x)) : [...accounts, a];
    return ok(a);
  };
  client.handle('clearLock', ({ id }) => replace({ ...(accounts.find((a) => a.id === id) as AccountView), lockedUntil: undefined }));
  client.handle('updateAccount', ({ id, role, disabled, badge }) => {
    const before = accounts.find((a) => a.id === id) as AccountView;
    const hasBadge = badge === undefined ? before.hasBadge : badge !== null;
    return replace({ ...before, role: role ?? before.role, disabled: disabled ?? before.disabled, hasBadge });
  });
  client.handle('createAccount', ({ name, role, badge, mustChangePin }) =>
    replace(account({ id: 9, name, role, hasBadge: badge !== undefined, mustChangePin: mustChangePin ?? true })),
  );
  const rendered = await renderWithConsole(
    <>
      <NavBar />
      <ViewSwitch />
    </>,
    {},
    client,
  );
  await act(() => rendered.store.getState().loadAuth());
  await act(async () => fireEvent.click(screen.getByRole('tab', { name: 'Accounts' })));
  return rendered;
}

const row = (name: string) => screen.getByText(name, { selector: '.account-name' }).closest('li') as HTMLElement;

describe("IT's People screen", () => {
  it('is in the navigation for IT only', async () => {
    const client = createFakeClient();
    answerSession(client, signedInAsOlga());
    const { store } = await renderWithConsole(<NavBar />, {}, client);
    await act(() => store.getState().loadAuth());
    expect(screen.queryByRole('tab', { name: 'People' })).toBeNull();
  });

  it('lists each account with its role, source, lock and forced PIN change in words; a file account is read-only', async () => {
    await peopleScreen();
    const olga = row('Olga Operator');
    expect(olga.textContent).toContain('Operator');
    expect(olga.textContent).toContain('this console');
    expect(olga.textContent).toMatch(/Locked until \d\d:\d\d/);
    expect(olga.textContent).toContain('Must change PIN');
    const fred = row('Fred File');
    expect(fred.textContent).toContain('file: read-only');
    expect(within(fred).queryByRole('button')).toBeNull();
    expect(within(fred).queryByLabelText('Role')).toBeNull();
  });

  it('clears a lock, changes a role, disables, sets a badge by scan, and creates an account', async () => {
    const { client } = await peopleScreen();
    await act(async () => fireEvent.click(within(row('Olga Operator')).getByRole('button', { name: /Clear the lock/ })));
    expect(client.callsTo('clearLock')).toEqual([{ id: 2 }]);
    expect(row('Olga Operator').textContent).not.toContain('Locked until');

    await act(async () => fireEvent.change(within(row('Olga Operator')).getByLabelText('Role'), { target: { value: 'supervisor' } }));
    await act(async () => fireEvent.click(within(row('Olga Operator')).getByRole('button', { name: /Disable/ })));
    expect(client.callsTo('updateAccount')).toEqual([
      { id: 2, role: 'supervisor' },
      { id: 2, disabled: true },
    ]);
    expect(row('Olga Operator').textContent).toContain('Disabled');

    fireEvent.click(within(row('Olga Operator')).getByRole('button', { name: /Badge/ }));
    const badgeDialog = screen.getByRole('dialog', { name: 'Badge of Olga Operator' });
    const field = within(badgeDialog).getByLabelText(/Scan the badge/);
    expect(document.activeElement).toBe(field);
    fireEvent.change(field, { target: { value: '0099887' } });
    await act(async () => fireEvent.click(within(badgeDialog).getByRole('button', { name: /Save the badge/ })));
    expect(client.callsTo('updateAccount').at(-1)).toEqual({ id: 2, badge: '0099887' });

    fireEvent.click(screen.getByRole('button', { name: /Create an account/ }));
    const create = screen.getByRole('dialog', { name: 'Create an account' });
    fireEvent.change(within(create).getByLabelText(/Name/), { target: { value: 'Sue Supervisor' } });
    fireEvent.click(within(create).getByRole('radio', { name: 'Supervisor' }));
    fireEvent.change(within(create).getByLabelText('PIN'), { target: { value: '4321' } });
    fireEvent.change(within(create).getByLabelText('The same PIN again'), { target: { value: '4321' } });
    await act(async () => fireEvent.click(within(create).getByRole('button', { name: /Create the account/ })));
    expect(client.callsTo('createAccount')).toEqual([{ name: 'Sue Supervisor', role: 'supervisor', pin: '4321', mustChangePin: true }]);
    expect(row('Sue Supervisor').textContent).toContain('Supervisor');
  });
});
