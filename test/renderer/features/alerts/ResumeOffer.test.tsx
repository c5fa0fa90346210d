import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fail } from '../../../../shared/api/result';
import { ActionFailures } from '../../../../renderer/src/app/ActionFailures';
import { AlertsArea } from '../../../../renderer/src/features/alerts/AlertsArea';
import { HOLD_MS } from '../../../../renderer/src/features/keyboard/use-floor-keys';
import { holdKey } from '../../helpers/keys';
import { alert, machine, renderWithConsole } from './fixtures';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const AT = '2025-01-01T10:00:00.000Z';
const jam = alert({ code: 'CardJam', title: 'Card jam', text: 'A card is jammed.', action: 'Clear the jam.' });

/** A suspended machine whose view says, as the core decided, whether it can be resumed. */
const suspended = (resumable: boolean, kind: 'box' | 'desktop') =>
  machine({ kind, scheduler: 'suspended', suspension: { code: 'CardJam', since: AT, resumable } });

describe('Resume follows the core’s machine view, never a rule of its own', () => {
  it('is hidden, button and R key, exactly when the view says the suspension cannot be resumed', async () => {
    const { client } = await renderWithConsole(<AlertsArea />, { machines: [suspended(false, 'box')], alerts: [jam] });
    const box = screen.getByRole('alert', { name: /Card jam/ });
    expect(within(box).queryByRole('button', { name: /Resume/ })).toBeNull();
    expect(box.textContent).toContain('cannot resume');
    await holdKey('r', HOLD_MS * 2);
    expect(client.callsTo('resume')).toEqual([]);
  });

  it('is offered when the view says it can be, whatever the machine kind and the code', async () => {
    const { client } = await renderWithConsole(<AlertsArea />, { machines: [suspended(true, 'desktop')], alerts: [jam] });
    expect(screen.getByRole('button', { name: /Resume/ })).toBeTruthy();
    await holdKey('r', HOLD_MS);
    expect(client.callsTo('resume')).toEqual([{ machineId: 'aida-1' }]);
  });

  it('is offered while the machine has no view yet; the core’s refusal, with its reason, goes to the failure panel', async () => {
    const { client } = await renderWithConsole(
      <>
        <AlertsArea />
        <ActionFailures />
      </>,
      { machines: [], alerts: [jam] },
    );
    client.handle('resume', () => fail('not-allowed', 'a card jam on a desktop system cannot be resumed: press Stop'));
    const resume = screen.getByRole('button', { name: /Resume/ }) as HTMLButtonElement;
    expect(resume.disabled).toBe(false);
    await act(async () => fireEvent.click(resume));
    expect(client.callsTo('resume')).toEqual([{ machineId: 'aida-1' }]);
    const failure = within(screen.getByRole('region', { name: 'Actions not done' })).getByRole('alert');
    expect(failure.textContent).toContain('a card jam on a desktop system cannot be resumed: press Stop');
  });
});
