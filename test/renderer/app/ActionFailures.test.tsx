import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fail, ok } from '../../../shared/api/result';
import { ActionFailures } from '../../../renderer/src/app/ActionFailures';
import { AlertsArea } from '../../../renderer/src/features/alerts/AlertsArea';
import { StartIssuance } from '../../../renderer/src/features/issuance/StartIssuanceForm';
import { HOLD_MS } from '../../../renderer/src/features/keyboard/use-floor-keys';
import { ReviewsView } from '../../../renderer/src/features/reviews/ReviewsView';
import { holdKey } from '../helpers/keys';
import { alert, command, deferred, renderWithConsole, review, suspendedMachine } from '../features/alerts/fixtures';

afterEach(cleanup);

const feederEmpty = { machines: [suspendedMachine('FeederEmpty')], alerts: [alert()] };
const panel = () => screen.queryByRole('region', { name: 'Actions not done' });

describe('the one place a refused action is shown', () => {
  it('shows a refused Resume in words until dismissed, and clears it when Resume is tried again', async () => {
    const { client } = await renderWithConsole(
      <>
        <AlertsArea />
        <ActionFailures />
      </>,
      feederEmpty,
    );
    client.handle('resume', () => fail('not-allowed', 'the machine cannot resume now'));
    expect(panel()).toBeNull();

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Resume' })));
    const failure = within(panel() as HTMLElement).getByRole('alert', { name: 'Resume — AIDA line 1' });
    expect(failure.textContent).toContain('Not done — refused by the console');
    expect(failure.textContent).toContain('the machine cannot resume now');

    fireEvent.click(within(failure).getByRole('button', { name: 'Dismiss' }));
    expect(panel()).toBeNull();

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Resume' })));
    expect(panel()).not.toBeNull();
    client.handle('resume', () => ok(command({ kind: 'resume', state: 'sent' })));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Resume' })));
    expect(panel()).toBeNull();
  });

  it('shows a refusal of the held R key in the same place', async () => {
    const { client } = await renderWithConsole(
      <>
        <AlertsArea />
        <ActionFailures />
      </>,
      feederEmpty,
    );
    client.handle('resume', () => fail('unavailable', 'not connected to the console'));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      await holdKey('r', HOLD_MS);
    } finally {
      vi.useRealTimers();
    }
    expect(within(panel() as HTMLElement).getByRole('alert').textContent).toContain('not connected to the console');
  });

  it('leaves a wrong PIN to the Abort dialog that stays open, and lets it go with the dialog', async () => {
    const { client } = await renderWithConsole(
      <>
        <AlertsArea />
        <ActionFailures />
      </>,
      { ...feederEmpty, pinRequired: true },
    );
    client.handle('abort', () => fail('not-allowed', 'wrong supervisor PIN'));
    fireEvent.click(screen.getByRole('button', { name: /Abort/ }));
    fireEvent.change(screen.getByLabelText('Supervisor PIN'), { target: { value: '1111' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /Abort and reject cards/ })));
    expect(within(screen.getByRole('dialog')).getByRole('alert').textContent).toBe('wrong supervisor PIN');
    expect(panel()).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: /Cancel — keep the cards/ }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(panel()).toBeNull();
    // Opened again, the question starts afresh.
    fireEvent.click(screen.getByRole('button', { name: /Abort/ }));
    expect(within(screen.getByRole('dialog')).queryByRole('alert')).toBeNull();
  });

  it('shows a refused Approve and a refused "Send again" there too', async () => {
    const decided = review({ id: 8, state: 'decided', decision: 'Completed', jobId: '41' });
    const { client } = await renderWithConsole(
      <>
        <ReviewsView />
        <ActionFailures />
      </>,
      { reviews: [review(), decided], commands: [command({ id: 30, kind: 'signal', reviewId: 8, state: 'failed' })] },
    );
    client.handle('listReviews', () => ok({ queue: [], recent: [], recentTotal: 0 }));
    client.handle('decide', () => fail('not-allowed', 'review 7 was already decided'));
    client.handle('retryCommand', () => fail('not-allowed', 'the job no longer waits'));

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Approve' })));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Send again' })));
    const failures = within(panel() as HTMLElement).getAllByRole('alert');
    expect(failures.map((f) => within(f).getByRole('heading').textContent)).toEqual([
      'Decision on job 40 — AIDA line 1',
      'Send again — AIDA line 1',
    ]);
    expect(failures[0]?.textContent).toContain('review 7 was already decided');
    expect(failures[1]?.textContent).toContain('the job no longer waits');
  });

  it('shows the core’s refusal of a start in the open form, and in the panel when the form was folded meanwhile', async () => {
    const { client } = await renderWithConsole(
      <>
        <StartIssuance />
        <ActionFailures />
      </>,
    );
    client.handle('startIssuance', () => fail('invalid-request', 'startIssuance: jobTemplateName: Too big: expected string to have <=200 characters'));
    const form = screen.getByRole('region', { name: /Start issuance — AIDA line 1/ });
    fireEvent.click(within(form).getByRole('button', { name: /Show the start form/ }));
    await act(async () => fireEvent.click(within(form).getByRole('button', { name: 'Start issuance' })));
    expect(within(form).getByRole('alert').textContent).toContain('The console refused the start: startIssuance: jobTemplateName: Too big');
    expect(panel()).toBeNull();

    const answer = deferred<ReturnType<typeof fail>>();
    client.handle('startIssuance', () => answer.promise);
    fireEvent.click(within(form).getByRole('button', { name: 'Start issuance' }));
    fireEvent.click(within(form).getByRole('button', { name: /Hide the start form/ }));
    await act(async () => answer.resolve(fail('unavailable', 'lost the connection to the console')));
    expect(within(panel() as HTMLElement).getByRole('alert', { name: 'Start issuance — AIDA line 1' }).textContent).toContain(
      'lost the connection to the console',
    );
  });

  it('the form takes its limits from the contract', async () => {
    await renderWithConsole(<StartIssuance />);
    const form = screen.getByRole('region', { name: /Start issuance/ });
    fireEvent.click(within(form).getByRole('button', { name: /Show the start form/ }));
    fireEvent.click(within(form).getByRole('button', { name: /Add metadata field/ }));
    expect(within(form).getByLabelText('Job template name').getAttribute('maxlength')).toBe('200');
    expect(within(form).getByLabelText('Stop after (cards)').getAttribute('max')).toBe('100000');
    expect(within(form).getByLabelText('Metadata 1 name').getAttribute('maxlength')).toBe('200');
    expect(within(form).getByLabelText('Metadata 1 value').getAttribute('maxlength')).toBe('2000');
  });
});
