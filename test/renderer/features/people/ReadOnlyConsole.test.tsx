import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ok } from '../../../../shared/api/result';
import { App } from '../../../../renderer/src/App';
import { HOLD_MS } from '../../../../renderer/src/features/keyboard/use-floor-keys';
import { createFakeClient } from '../../helpers/fake-client';
import { holdKey } from '../../helpers/keys';
import { alert, renderWithConsole, review, suspendedMachine } from '../alerts/fixtures';
import { answerSession, session } from './fixtures';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** The whole console on one suspended machine and one waiting read, with the given session. */
async function station(view: ReturnType<typeof session>) {
  const client = createFakeClient();
  answerSession(client, view);
  client.handle('silenceReminder', () => ok({}));
  const rendered = await renderWithConsole(
    <App />,
    {
      machines: [suspendedMachine('FeederEmpty')],
      alerts: [alert(), alert({ id: 2, kind: 'stopped', code: 'Jam', title: 'Stopped with an error' })],
      reviews: [review()],
    },
    client,
  );
  await act(() => rendered.store.getState().loadAuth());
  return rendered;
}

const button = (name: RegExp) => screen.getByRole('button', { name }) as HTMLButtonElement;
const ACTS = ['resume', 'stop', 'abort', 'startIssuance', 'decide', 'acknowledgeAlert', 'retryCommand'] as const;

describe('a console that requires sign-in, nobody signed in', () => {
  it('shows the alerts and the queue read-only: act buttons disabled with the reason in words, a prominent Sign in', async () => {
    await station(session());
    const band = screen.getByText(/Nobody is signed in/).closest('.station-band') as HTMLElement;
    expect(band.textContent).toContain('Sign in to act');
    expect(within(band).getByRole('button', { name: /Sign in/ })).toBeTruthy();

    const suspension = screen.getByRole('alert', { name: /Feeder empty/ });
    for (const name of [/Resume/, /Stop/, /Abort/]) expect((within(suspension).getByRole('button', { name }) as HTMLButtonElement).disabled).toBe(true);
    expect(suspension.textContent).toContain('Sign in to act');
    const notice = screen.getByRole('alert', { name: /Issuance stopped: Jam/ });
    expect((within(notice).getByRole('button', { name: /Acknowledge/ }) as HTMLButtonElement).disabled).toBe(true);
    // No start form to fill in for nothing.
    expect(screen.queryByRole('region', { name: /Start issuance/ })).toBeNull();

    fireEvent.click(screen.getByRole('tab', { name: /Reviews/ }));
    expect(button(/Approve/).disabled).toBe(true);
    expect(button(/Reject/).disabled).toBe(true);
  });

  it('sends nothing when R is held, and anyone may silence the local reminder (the core records it)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    const { client } = await station(session());
    await holdKey('r', HOLD_MS * 2);
    await act(async () => vi.advanceTimersByTimeAsync(HOLD_MS));
    fireEvent.click(button(/Silence the reminder/));
    await act(async () => vi.advanceTimersByTimeAsync(10));
    expect(client.callsTo('silenceReminder')).toEqual([{ alertIds: [1] }]);
    expect(client.calls.filter((c) => (ACTS as readonly string[]).includes(c.method))).toEqual([]);
  });
});

describe('an open station', () => {
  it('says on every screen who actions are recorded as, and creates the first IT account from its band', async () => {
    const { client } = await station(session({ openStation: true, signInRequired: false, canCreateFirstAccount: true, signInNames: [] }));
    client.handle('createFirstAccount', () => ok(session({ signInRequired: false, person: { accountId: 1, name: 'Ida IT', role: 'it' } })));
    expect(screen.getByText(/Open station:/).parentElement?.textContent).toBe('Open station: actions are recorded as floor');
    // As before accounts: the buttons act.
    expect(button(/Resume/).disabled).toBe(false);

    fireEvent.click(button(/Create the first IT account/));
    const dialog = screen.getByRole('dialog', { name: 'Create the first IT account' });
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: 'Ida IT' } });
    fireEvent.change(within(dialog).getByLabelText('PIN'), { target: { value: '246810' } });
    fireEvent.change(within(dialog).getByLabelText('The same PIN again'), { target: { value: '246811' } });
    expect(within(dialog).getByText(/The two PINs differ/)).toBeTruthy();
    expect((within(dialog).getByRole('button', { name: /Create and sign in/ }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(within(dialog).getByLabelText('The same PIN again'), { target: { value: '246810' } });
    const badge = within(dialog).getByLabelText(/Badge/);
    fireEvent.change(badge, { target: { value: 'B-7781' } });
    // The reader's Enter ends the scan and never sends the form.
    expect(fireEvent.keyDown(badge, { key: 'Enter' })).toBe(false);
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: /Create and sign in/ })));
    expect(client.callsTo('createFirstAccount')).toEqual([{ name: 'Ida IT', pin: '246810', badge: 'B-7781' }]);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryByText(/Open station:/)).toBeNull();
    expect(screen.getByLabelText('Signed in').textContent).toContain('Ida IT');
    // IT sees the People screen in the navigation.
    expect(screen.getByRole('tab', { name: 'Accounts' })).toBeTruthy();
  });
});

describe('training mode', () => {
  it('never shows sign-in, whatever the station requires', async () => {
    await station(session({ training: true }));
    expect(screen.queryByText(/Nobody is signed in/)).toBeNull();
    expect(screen.queryByText(/Sign in to act/)).toBeNull();
    expect(button(/Resume/).disabled).toBe(false);
  });
});
