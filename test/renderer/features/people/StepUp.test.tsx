import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionView } from '../../../../shared/api/people';
import { fail, ok } from '../../../../shared/api/result';
import { NavBar } from '../../../../renderer/src/app/NavBar';
import { AlertsArea } from '../../../../renderer/src/features/alerts/AlertsArea';
import { ReviewsView } from '../../../../renderer/src/features/reviews/ReviewsView';
import { createFakeClient } from '../../helpers/fake-client';
import { scanInto } from '../../helpers/keys';
import { alert, command, renderWithConsole, review, suspendedMachine } from '../alerts/fixtures';
import { answerSession, session, signedInAsOlga } from './fixtures';

afterEach(cleanup);

async function station(view: SessionView) {
  const client = createFakeClient();
  answerSession(client, view);
  client.handle('listReviews', () => ok({ queue: [review()], recent: [], recentTotal: 0 }));
  client.handle('decide', ({ reviewId, outcome }) => ok(command({ kind: 'signal', reviewId, state: 'sent', payload: { outcome } })));
  client.handle('abort', () => ok(command({ kind: 'abort' })));
  const rendered = await renderWithConsole(
    <>
      <NavBar />
      <AlertsArea />
      <ReviewsView />
    </>,
    { machines: [suspendedMachine('FeederEmpty')], alerts: [alert()], reviews: [review()] },
    client,
  );
  await act(() => rendered.store.getState().loadAuth());
  return rendered;
}

const dialog = () => screen.getByRole('dialog');
const inDialog = (name: RegExp) => within(dialog()).getByRole('button', { name });
const typePin = (pin: string) => [...pin].forEach((d) => fireEvent.click(inDialog(new RegExp(`^${d}$`))));

/** The operator picks a reason in the reject dialog and goes on to the supervisor's approval. */
function rejectAsOperator() {
  fireEvent.click(screen.getByRole('button', { name: /Reject/ }));
  fireEvent.click(within(dialog()).getAllByRole('radio')[0] as HTMLElement);
  fireEvent.click(inDialog(/Next: a supervisor approves/));
}

describe('step-up: a supervisor approves at the operator station', () => {
  it('Reject asks for a supervisor by name and PIN, and sends their credential with the decision', async () => {
    const { client, store } = await station(signedInAsOlga());
    rejectAsOperator();
    // Only supervisors to pick from, and the keypad waits for one.
    const names = within(dialog()).getByRole('list', { name: 'Supervisor' });
    expect(within(names).getAllByRole('button').map((b) => b.textContent)).toEqual(['Sam Supervisor', 'Sue Supervisor']);
    expect((inDialog(/^5$/) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(names).getByRole('button', { name: /Sue Supervisor/ }));
    typePin('2468');
    await act(async () => fireEvent.click(inDialog(/reject the card/)));
    const [sent] = client.callsTo('decide');
    expect(sent).toMatchObject({ reviewId: 7, outcome: 'Faulted', supervisor: { accountId: 4, pin: '2468' } });
    expect(sent).not.toHaveProperty('pin');
    expect(screen.queryByRole('dialog')).toBeNull();
    // The operator stays signed in.
    expect(store.getState().auth?.person?.name).toBe('Olga Operator');
  });

  it('takes a scanned badge instead of a name, and stays open with the core refusal on a wrong PIN', async () => {
    const { client } = await station(signedInAsOlga());
    client.handle('decide', () => fail('not-allowed', 'Wrong PIN for the supervisor.'));
    rejectAsOperator();
    fireEvent.change(within(dialog()).getByLabelText(/scan the supervisor's badge/), { target: { value: 'SUP-0091' } });
    typePin('1357');
    await act(async () => fireEvent.click(inDialog(/reject the card/)));
    expect(client.callsTo('decide')[0]?.supervisor).toEqual({ badge: 'SUP-0091', pin: '1357' });
    expect(within(dialog()).getByText(/Wrong PIN for the supervisor/)).toBeTruthy();
  });

  it('Abort asks for a supervisor the same way, and sends their credential', async () => {
    const { client } = await station(signedInAsOlga());
    fireEvent.click(screen.getByRole('button', { name: /Abort/ }));
    fireEvent.click(inDialog(/Next: a supervisor approves/));
    fireEvent.click(inDialog(/Sam Supervisor/));
    typePin('8642');
    await act(async () => fireEvent.click(inDialog(/Abort and reject cards/)));
    expect(client.callsTo('abort')).toEqual([{ machineId: 'aida-1', supervisor: { accountId: 3, pin: '8642' } }]);
  });

  it("Send again of a supervisor's decision asks for a supervisor too, and sends their credential", async () => {
    const client = createFakeClient();
    answerSession(client, signedInAsOlga());
    const failed = command({ id: 21, kind: 'signal', state: 'failed', role: 'supervisor', reviewId: 7, payload: { outcome: 'Faulted' } });
    const decided = review({ state: 'decided', decision: 'Faulted', decidedBy: 'Sam Supervisor', reason: 'Text unreadable' });
    client.handle('listReviews', () => ok({ queue: [decided], recent: [], recentTotal: 0 }));
    client.handle('retryCommand', () => ok({ ...failed, state: 'sent' }));
    const { store } = await renderWithConsole(<ReviewsView />, { reviews: [decided], commands: [failed] }, client);
    await act(() => store.getState().loadAuth());
    fireEvent.click(screen.getByRole('button', { name: /Send again…/ }));
    fireEvent.click(inDialog(/Sam Supervisor/));
    typePin('2468');
    await act(async () => fireEvent.click(inDialog(/^↻? ?Send again$/)));
    expect(client.callsTo('retryCommand')).toEqual([{ commandId: 21, supervisor: { accountId: 3, pin: '2468' } }]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('a supervisor signed in rejects without anyone else', async () => {
    const { client } = await station(session({ signInRequired: false, person: { accountId: 3, name: 'Sam Supervisor', role: 'supervisor' } }));
    fireEvent.click(screen.getByRole('button', { name: /Reject/ }));
    fireEvent.click(within(dialog()).getAllByRole('radio')[0] as HTMLElement);
    expect(within(dialog()).queryByRole('button', { name: /Next: a supervisor approves/ })).toBeNull();
    await act(async () => fireEvent.click(inDialog(/reject the card/)));
    expect(client.callsTo('decide')[0]).not.toHaveProperty('supervisor');
  });

  it('takes a badge scanned while the PIN field has the focus as the badge, and keeps the PIN typed before', async () => {
    const { client } = await station(signedInAsOlga());
    rejectAsOperator();
    fireEvent.click(inDialog(/Sam Supervisor/));
    typePin('86');
    scanInto(within(dialog()).getByLabelText("Supervisor's PIN"), 'SUP-0091');
    expect(within(dialog()).getByLabelText(/scan the supervisor's badge/)).toHaveProperty('value', 'SUP-0091');
    expect(within(dialog()).getByLabelText("Supervisor's PIN")).toHaveProperty('value', '86');
    expect(client.callsTo('decide')).toEqual([]);
  });

  it('closes the decision and Abort dialogs when the station locks, the step-up half done', async () => {
    const { client, store } = await station(signedInAsOlga());
    rejectAsOperator();
    fireEvent.click(inDialog(/Sam Supervisor/));
    typePin('86');
    client.handle('lockStation', () => ok(session()));
    await act(() => store.getState().lockStation());
    expect(screen.queryByRole('dialog')).toBeNull();

    act(() => store.getState().receiveAuth(signedInAsOlga()));
    fireEvent.click(screen.getByRole('button', { name: /Abort/ }));
    fireEvent.click(inDialog(/Next: a supervisor approves/));
    // The core's own clock signed Olga out: its session event locks the station just the same.
    act(() => client.emit({ type: 'session', session: session() }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(client.callsTo('decide')).toEqual([]);
    expect(client.callsTo('abort')).toEqual([]);
  });

  it('hides from IT what IT may not do on the floor (the core refuses it anyway)', async () => {
    await station(session({ signInRequired: false, person: { accountId: 1, name: 'Ida IT', role: 'it' } }));
    const suspension = screen.getByRole('alert', { name: /Feeder empty/ });
    expect(within(suspension).queryByRole('button', { name: /Resume/ })).toBeNull();
    expect(within(suspension).queryByRole('button', { name: /Abort/ })).toBeNull();
    expect(within(suspension).getByRole('button', { name: /Stop/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Reject/ })).toBeNull();
  });
});
