import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ok } from '../../../../shared/api/result';
import { StationBand } from '../../../../renderer/src/features/people/StationBand';
import { createFakeClient } from '../../helpers/fake-client';
import { renderWithConsole } from '../alerts/fixtures';
import { answerSession, session, signedInAsOlga } from './fixtures';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

async function signedIn() {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  const client = createFakeClient();
  answerSession(client, { ...signedInAsOlga(), idleMinutes: 2 });
  client.handle('lockStation', () => ok(session()));
  client.handle('signOut', () => ok(session()));
  const rendered = await renderWithConsole(<StationBand />, {}, client);
  await act(() => rendered.store.getState().loadAuth());
  return rendered;
}

const minutes = (n: number) => act(async () => vi.advanceTimersByTimeAsync(n * 60_000));

describe('the signed-in person', () => {
  it('locks the station after idleMinutes without input; any input starts the wait again', async () => {
    const { client } = await signedIn();
    await minutes(1.5);
    fireEvent.keyDown(window, { key: 'a' });
    await minutes(1.5);
    expect(client.callsTo('lockStation')).toHaveLength(0);
    await minutes(0.6);
    expect(client.callsTo('lockStation')).toHaveLength(1);
    // The core's answer ends the session here: nobody in the navigation bar any more.
    expect(screen.queryByLabelText('Signed in')).toBeNull();
  });

  it('signs out with the visible button, and follows the core when the session ends elsewhere', async () => {
    const { client } = await signedIn();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /Sign out/ })));
    expect(client.callsTo('signOut')).toHaveLength(1);
    expect(screen.queryByLabelText('Signed in')).toBeNull();
    act(() => client.emit({ type: 'session', session: signedInAsOlga() }));
    expect(screen.getByLabelText('Signed in').textContent).toContain('Olga Operator');
    act(() => client.emit({ type: 'session', session: session() }));
    expect(screen.queryByLabelText('Signed in')).toBeNull();
  });

  it("forgets IT's list of accounts when IT signs out, and reads it again only for the next IT person", async () => {
    const client = createFakeClient();
    const ida = session({ signInRequired: false, person: { accountId: 1, name: 'Ida IT', role: 'it' } });
    answerSession(client, ida);
    client.handle('listAccounts', () => ok([{ id: 2, name: 'Olga Operator', role: 'operator', source: 'console', hasBadge: true, disabled: false, mustChangePin: false }]));
    client.handle('signOut', () => ok(session()));
    const { store } = await renderWithConsole(<StationBand />, {}, client);
    await act(() => store.getState().loadAuth());
    await act(() => store.getState().loadAccounts());
    expect(store.getState().accounts.map((a) => a.name)).toEqual(['Olga Operator']);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /Sign out/ })));
    expect(store.getState().accounts).toEqual([]);
    // Olga chooses her language: nothing reads the accounts for her (she would be refused, and the refusal audited).
    act(() => client.emit({ type: 'session', session: signedInAsOlga() }));
    client.handle('setOwnLanguage', () => ok({ ...signedInAsOlga(), language: 'de' as const }));
    await act(async () => void (await store.getState().setOwnLanguage('de')));
    expect(client.callsTo('listAccounts')).toHaveLength(1);
  });
});
