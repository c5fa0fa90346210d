import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fail, ok } from '../../../../shared/api/result';
import { App } from '../../../../renderer/src/App';
import { createFakeClient } from '../../helpers/fake-client';
import { keyEvent, scanInto, scanKeys } from '../../helpers/keys';
import { renderWithConsole } from '../alerts/fixtures';
import { answerSession, session, signedInAsOlga } from './fixtures';

afterEach(cleanup);

/** The whole console on a station that requires sign-in, nobody signed in, the sign-in screen opened. */
async function signInScreen() {
  const client = createFakeClient();
  answerSession(client, session());
  const rendered = await renderWithConsole(<App />, {}, client);
  await act(() => rendered.store.getState().loadAuth());
  fireEvent.click(screen.getByRole('button', { name: /^→? ?Sign in$/ }));
  return rendered;
}

const typePin = (pin: string) => [...pin].forEach((d) => fireEvent.click(screen.getByRole('button', { name: d })));
const ok_ = () => screen.getByRole('button', { name: /^✓? ?Sign in$/ });

describe('the sign-in screen', () => {
  it('takes a badge scanned in a fast burst of keys ending in Enter, then the PIN, and signs in with the badge', async () => {
    const { client } = await signInScreen();
    client.handle('signIn', () => ok(signedInAsOlga()));
    expect(screen.getByRole('heading', { name: /tap your name or scan your badge/ })).toBeTruthy();

    scanKeys('0042117');
    expect(screen.getByRole('heading', { name: 'Sign in as badge …2117' })).toBeTruthy();
    // The badge number went to the sign-in screen, not to the find-job box that takes scans elsewhere.
    expect(within(screen.getByRole('search', { name: 'Find a job' })).getByRole('searchbox')).toHaveProperty('value', '');
    expect(client.callsTo('listJobs').some((q) => JSON.stringify(q).includes('0042117'))).toBe(false);

    typePin('1234');
    await act(async () => fireEvent.click(ok_()));
    expect(client.callsTo('signIn')).toEqual([{ badge: '0042117', pin: '1234' }]);
    // Signed in: the name and role stay in the navigation bar, with Sign out; the sign-in screen is gone.
    const who = screen.getByLabelText('Signed in');
    expect(who.textContent).toContain('Olga Operator');
    expect(who.textContent).toContain('Operator');
    expect(within(who).getByRole('button', { name: /Sign out/ })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: /Sign in/ })).toBeNull();
  });

  it('takes a badge scanned while the PIN field has the focus as a badge, not as a PIN', async () => {
    const { client } = await signInScreen();
    fireEvent.click(screen.getByRole('button', { name: /Sam Supervisor/ }));
    const field = screen.getByLabelText(/Your PIN/);
    expect(document.activeElement).toBe(field);
    scanInto(field, '0042117');
    expect(screen.getByRole('heading', { name: 'Sign in as badge …2117' })).toBeTruthy();
    expect(screen.getByLabelText(/Your PIN/)).toHaveProperty('value', '');
    expect(client.callsTo('signIn')).toEqual([]);
    // Typed by hand, the same digits are a PIN, and Enter sends it.
    client.handle('signIn', () => fail('not-allowed', 'Wrong PIN.'));
    const typed = screen.getByLabelText(/Your PIN/);
    let at = 90_000;
    for (const d of '4321') {
      keyEvent('keydown', d, (at += 200), {}, typed);
      fireEvent.change(typed, { target: { value: (typed as HTMLInputElement).value + d } });
    }
    await act(async () => keyEvent('keydown', 'Enter', at + 200, {}, typed));
    expect(client.callsTo('signIn')).toEqual([{ badge: '0042117', pin: '4321' }]);
  });

  it('signs in by a tapped name, and shows the core refusal in its words, the PIN cleared for the next try', async () => {
    const { client, store } = await signInScreen();
    client.handle('signIn', () => fail('not-allowed', 'Wrong PIN. Try again in 4 s.'));
    fireEvent.click(screen.getByRole('button', { name: /Sam Supervisor/ }));
    expect(screen.getByRole('heading', { name: 'Sign in as Sam Supervisor' })).toBeTruthy();
    typePin('9999');
    await act(async () => fireEvent.click(ok_()));
    expect(client.callsTo('signIn')).toEqual([{ accountId: 3, pin: '9999' }]);
    expect(screen.getByRole('alert', { name: '' }).textContent).toContain('Not signed in: Wrong PIN. Try again in 4 s.');
    expect(screen.getByLabelText(/Your PIN/)).toHaveProperty('value', '');
    // Shown here, not a second time in the failure band.
    expect(screen.queryByRole('region', { name: 'Actions not done' })).toBeNull();

    // Someone else: back to the names, the refusal gone with the person it was about.
    fireEvent.click(screen.getByRole('button', { name: /Not you/ }));
    expect(screen.queryByText(/Wrong PIN/)).toBeNull();
    expect(store.getState().auth?.person).toBeUndefined();
  });

  it('asks for a new PIN before anything else when IT set it, and sends the current and new one', async () => {
    const client = createFakeClient();
    answerSession(client, { ...signedInAsOlga(), mustChangePin: true });
    client.handle('changeOwnPin', () => ok(signedInAsOlga()));
    const { store } = await renderWithConsole(<App />, {}, client);
    await act(() => store.getState().loadAuth());
    expect(screen.queryByRole('tablist', { name: 'Views' })).toBeNull();
    const next = () => screen.getByRole('button', { name: /Next|Save my PIN/ });
    typePin('1111');
    fireEvent.click(next());
    typePin('2580');
    fireEvent.click(next());
    typePin('2581');
    fireEvent.click(next());
    expect(screen.getByText(/The two new PINs differ/)).toBeTruthy();
    typePin('2580');
    fireEvent.click(next());
    typePin('2580');
    await act(async () => fireEvent.click(next()));
    expect(client.callsTo('changeOwnPin')).toEqual([{ current: '1111', next: '2580' }]);
    expect(screen.getByRole('tablist', { name: 'Views' })).toBeTruthy();
  });
});
