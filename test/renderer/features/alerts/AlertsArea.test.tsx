import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fail, ok } from '../../../../shared/api/result';
import { AlertsArea } from '../../../../renderer/src/features/alerts/AlertsArea';
import { SignalControl } from '../../../../renderer/src/features/alerts/SignalControl';
import { alertTexts } from '../../../../shared/alerts/alert-texts';
import { translator } from '../../../../shared/i18n/translate';
import { HOLD_MS } from '../../../../renderer/src/features/keyboard/use-floor-keys';
import { keyEvent, scanKeys } from '../../helpers/keys';
import { alert, command, deferred, machine, renderWithConsole, suspendedMachine } from './fixtures';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const feederEmpty = { machines: [suspendedMachine('FeederEmpty')], alerts: [alert()] };

describe('the alerts area', () => {
  it('names the machine, the error and what to do, and Resume / Stop reach the core; the alert stays until the machine reports', async () => {
    const { client } = await renderWithConsole(<AlertsArea />, feederEmpty);
    client.handle('resume', () => ok(command({ kind: 'resume', state: 'sent', outcome: undefined })));
    client.handle('stop', () => ok(command({ id: 12, kind: 'stop', state: 'queued', outcome: undefined })));

    const box = screen.getByRole('alert', { name: /Feeder empty — AIDA line 1/ });
    expect(box.textContent).toContain('The input feeder is empty.');
    expect(box.textContent).toContain('Load cards into the input feeder.');
    expect(box.textContent).toContain('Issuance suspended');

    await act(async () => fireEvent.click(within(box).getByRole('button', { name: 'Resume' })));
    expect(client.callsTo('resume')).toEqual([{ machineId: 'aida-1' }]);
    // Pressed, but the machine has not said it runs: the alert is still there, with the command's state beside it.
    expect(screen.getByRole('alert', { name: /Feeder empty/ })).toBeTruthy();
    expect(within(box).getByRole('status').textContent).toContain('Resume: Sent — awaiting answer');

    act(() => client.emit({ type: 'commands', commands: [command({ kind: 'resume', state: 'acknowledged' })] }));
    expect(within(box).getByRole('status').textContent).toContain('Resume: Accepted by the machine');

    await act(async () => fireEvent.click(within(box).getByRole('button', { name: 'Stop' })));
    expect(client.callsTo('stop')).toEqual([{ machineId: 'aida-1' }]);

    act(() => client.emit({ type: 'alerts', active: [] }));
    expect(screen.queryByRole('alert', { name: /Feeder empty/ })).toBeNull();
  });

  it('asks before Abort, says cards in progress will be rejected, and sends nothing on Cancel', async () => {
    const { client } = await renderWithConsole(<AlertsArea />, feederEmpty);
    client.handle('abort', () => ok(command({ kind: 'abort', state: 'sent' })));

    fireEvent.click(screen.getByRole('button', { name: /Abort/ }));
    const dialog = screen.getByRole('dialog', { name: /Abort issuance on AIDA line 1/ });
    expect(dialog.textContent).toContain('Cards in progress will be rejected');
    // The safe choice has the focus: Enter on a dialog that just opened keeps the cards.
    expect(document.activeElement?.textContent).toContain('Cancel');
    fireEvent.click(within(dialog).getByRole('button', { name: /Cancel/ }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(client.callsTo('abort')).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: /Abort/ }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /Abort and reject cards/ })));
    expect(client.callsTo('abort')).toEqual([{ machineId: 'aida-1' }]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('asks for the supervisor PIN when one is configured, and keeps the dialog open on a wrong one', async () => {
    const { client } = await renderWithConsole(<AlertsArea />, { ...feederEmpty, pinRequired: true });
    client.handle('abort', ({ pin }) => (pin === '2468' ? ok(command({ kind: 'abort' })) : fail('not-allowed', 'wrong supervisor PIN')));

    fireEvent.click(screen.getByRole('button', { name: /Abort/ }));
    const confirm = screen.getByRole('button', { name: /Abort and reject cards/ }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Supervisor PIN'), { target: { value: '1111' } });
    await act(async () => fireEvent.click(confirm));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByRole('alert').textContent).toBe('wrong supervisor PIN');

    fireEvent.change(screen.getByLabelText('Supervisor PIN'), { target: { value: '2468' } });
    await act(async () => fireEvent.click(confirm));
    expect(client.callsTo('abort')).toEqual([
      { machineId: 'aida-1', pin: '1111' },
      { machineId: 'aida-1', pin: '2468' },
    ]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('offers no Resume for a card jam on a desktop machine, and says why', async () => {
    await renderWithConsole(<AlertsArea />, {
      machines: [suspendedMachine('CardJam', { kind: 'desktop' })],
      alerts: [alert({ code: 'CardJam', title: 'Card jam', text: 'A card is jammed.', action: 'Clear the jam.' })],
    });
    const box = screen.getByRole('alert', { name: /Card jam/ });
    expect(within(box).queryByRole('button', { name: 'Resume' })).toBeNull();
    expect(within(box).getByRole('button', { name: 'Stop' })).toBeTruthy();
    expect(box.textContent).toContain('cannot resume');
    // The reason is the core's, word for word.
    expect(box.textContent).toContain('No Resume: a desktop machine cannot resume after a card jam: clear the jam, then Stop and start issuance again.');
  });

  it('offers Resume for the same card jam on a box machine', async () => {
    await renderWithConsole(<AlertsArea />, {
      machines: [suspendedMachine('CardJam')],
      alerts: [alert({ code: 'CardJam', title: 'Card jam', text: 'A card is jammed.' })],
    });
    expect(screen.getByRole('button', { name: 'Resume' })).toBeTruthy();
  });

  it('shows other alerts with their text and Acknowledge, and closes them only when the core says so', async () => {
    const unreachable = alert({
      id: 4,
      kind: 'unreachable',
      code: undefined,
      title: 'AIDA line 1 does not answer',
      text: "The machine's REST API does not answer.",
      action: 'Check that the machine is on.',
    });
    const { client } = await renderWithConsole(<AlertsArea />, { machines: [machine()], alerts: [unreachable] });
    const gate = deferred<ReturnType<typeof ok<never[]>>>();
    client.handle('acknowledgeAlert', () => gate.promise);

    const box = screen.getByRole('alert', { name: /does not answer/ });
    // Composed in the page's language from the alert's kind, not from the core's English.
    expect(box.textContent).toContain(alertTexts(translator('en'), unreachable).action);
    expect(within(box).queryByRole('button', { name: 'Resume' })).toBeNull();
    const button = within(box).getByRole('button', { name: 'Acknowledge' }) as HTMLButtonElement;
    fireEvent.click(button);
    fireEvent.click(button);
    expect(client.callsTo('acknowledgeAlert')).toEqual([{ alertId: 4 }]);
    expect(screen.getByRole('alert', { name: /does not answer/ })).toBeTruthy();
    await act(async () => gate.resolve(ok([])));
    expect(screen.queryByRole('alert', { name: /does not answer/ })).toBeNull();
  });

  it('holding R resumes and holding S stops the one suspended machine, the button filling meanwhile; a tap does nothing', async () => {
    vi.useFakeTimers();
    try {
      const { client } = await renderWithConsole(<AlertsArea />, feederEmpty);
      client.handle('resume', () => ok(command()));
      client.handle('stop', () => ok(command({ kind: 'stop' })));
      const resume = screen.getByRole('button', { name: 'Resume' });
      expect(resume.getAttribute('aria-keyshortcuts')).toBe('R');
      expect(resume.textContent).toContain('hold R');

      // A tap, however firm: nothing.
      keyEvent('keydown', 'r', 1000);
      keyEvent('keyup', 'r', 1200);
      await act(async () => vi.advanceTimersByTime(2000));
      expect(client.callsTo('resume')).toEqual([]);

      // Held: the button fills while the key is down, and only a full hold acts.
      keyEvent('keydown', 'r', 5000);
      expect(resume.dataset['holding']).toBe('true');
      expect(resume.querySelector('.hold-progress')).not.toBeNull();
      expect(resume.textContent).toContain('keep holding R');
      await act(async () => vi.advanceTimersByTime(HOLD_MS - 1));
      expect(client.callsTo('resume')).toEqual([]);
      await act(async () => vi.advanceTimersByTime(1));
      expect(client.callsTo('resume')).toEqual([{ machineId: 'aida-1' }]);
      keyEvent('keyup', 'r', 5000 + HOLD_MS + 50);
      expect(resume.dataset['holding']).toBeUndefined();

      keyEvent('keydown', 's', 9000);
      expect(screen.getByRole('button', { name: 'Stop' }).dataset['holding']).toBe('true');
      await act(async () => vi.advanceTimersByTime(HOLD_MS));
      expect(client.callsTo('stop')).toEqual([{ machineId: 'aida-1' }]);
      expect(client.callsTo('abort')).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a hold is one key alone: never in a field, with a modifier, with another key pressed, or once the window loses focus', async () => {
    vi.useFakeTimers();
    try {
      const { client } = await renderWithConsole(
        <>
          <input aria-label="somewhere to type" />
          <AlertsArea />
        </>,
        feederEmpty,
      );
      client.handle('resume', () => ok(command()));
      const held = async (start: () => void) => {
        start();
        await act(async () => vi.advanceTimersByTime(HOLD_MS * 2));
      };
      await held(() => keyEvent('keydown', 'r', 1000, {}, screen.getByLabelText('somewhere to type')));
      // Shift too: a scanner holds it for every capital, and Electron's menus take Alt.
      for (const modifier of ['shiftKey', 'ctrlKey', 'altKey', 'metaKey'] as const) {
        await held(() => keyEvent('keydown', modifier === 'shiftKey' ? 'R' : 'r', 2000, { [modifier]: true }));
      }
      await held(() => {
        keyEvent('keydown', 'r', 3000);
        keyEvent('keydown', 'x', 3300);
      });
      await held(() => {
        keyEvent('keydown', 'r', 4000);
        act(() => {
          window.dispatchEvent(new Event('blur'));
        });
      });
      expect(client.callsTo('resume')).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a scanned BATCH-R7S2-RS99 sends nothing to the machine: a burst of keys is never a shortcut', async () => {
    vi.useFakeTimers();
    try {
      const { client } = await renderWithConsole(<AlertsArea />, feederEmpty);
      client.handle('resume', () => ok(command()));
      client.handle('stop', () => ok(command({ kind: 'stop' })));
      scanKeys('BATCH-R7S2-RS99');
      // Even a scanner that lets go of its keys late: inside a burst, an R or S never starts a hold.
      scanKeys('rs-rs', { start: 20_000 });
      let at = 30_000;
      for (const ch of 'xyzrs') keyEvent('keydown', ch, (at += 5));
      await act(async () => vi.advanceTimersByTime(HOLD_MS * 3));
      expect(client.callsTo('resume')).toEqual([]);
      expect(client.callsTo('stop')).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('turns the keys off when two machines wait, so that a key never picks the wrong one', async () => {
    const { client } = await renderWithConsole(<AlertsArea />, {
      machines: [suspendedMachine('FeederEmpty'), suspendedMachine('OpenInterlock', { id: 'aida-2', label: 'AIDA line 2' })],
      alerts: [alert(), alert({ id: 2, machineId: 'aida-2', machineLabel: 'AIDA line 2', code: 'OpenInterlock', title: 'Interlock open' })],
    });
    vi.useFakeTimers();
    try {
      keyEvent('keydown', 'r', 1000);
      await act(async () => vi.advanceTimersByTime(HOLD_MS * 2));
    } finally {
      vi.useRealTimers();
    }
    expect(client.callsTo('resume')).toEqual([]);
    expect(screen.getByText(/keys R and S are off/)).toBeTruthy();
  });

  it('sounds and notifies on a new alert, once, and offers "Turn on sound" until the browser allows it', async () => {
    const oscillators: unknown[] = [];
    const param = { value: 0, setValueAtTime: vi.fn(), linearRampToValueAtTime: vi.fn() };
    class FakeAudioContext extends EventTarget {
      state = 'suspended';
      currentTime = 0;
      destination = {};
      resume = vi.fn(async () => {
        this.state = 'running';
      });
      createOscillator() {
        const o = { type: '', frequency: { ...param }, connect: (n: unknown) => n, start: vi.fn(), stop: vi.fn() };
        oscillators.push(o);
        return o;
      }
      createGain() {
        return { gain: { ...param }, connect: (n: unknown) => n };
      }
    }
    const shown: string[] = [];
    class FakeNotification {
      static permission = 'default';
      static requestPermission = vi.fn(async () => {
        FakeNotification.permission = 'granted';
        return 'granted';
      });
      onclick: (() => void) | null = null;
      constructor(title: string) {
        shown.push(title);
      }
    }
    vi.stubGlobal('AudioContext', FakeAudioContext);
    vi.stubGlobal('Notification', FakeNotification);

    const { client } = await renderWithConsole(
      <>
        <SignalControl />
        <AlertsArea />
      </>,
      { machines: [machine()] },
    );
    // One press turns on both.
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Turn on sound' })));
    expect(screen.queryByRole('button', { name: 'Turn on sound' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Turn on notifications' })).toBeNull();
    const afterTest = oscillators.length;

    act(() => client.emit({ type: 'alerts', active: [alert()] }));
    expect(oscillators.length).toBeGreaterThan(afterTest);
    expect(shown).toEqual(['Feeder empty — AIDA line 1']);

    // The same alert pushed again (any change elsewhere) is not new: no second sound or notification.
    const afterFirst = oscillators.length;
    act(() => client.emit({ type: 'alerts', active: [alert()] }));
    expect(oscillators.length).toBe(afterFirst);
    expect(shown).toHaveLength(1);
  });
});

describe('the alarm while a line stands still', () => {
  it('sounds again every minute until the reminder is silenced, and again for a new suspension', async () => {
    vi.useFakeTimers();
    const sound = await import('../../../../renderer/src/features/alerts/alert-sound');
    const played = vi.spyOn(sound, 'playAlarm');
    try {
      const { client } = await renderWithConsole(<AlertsArea />, feederEmpty);
      const first = played.mock.calls.length;
      act(() => {
        vi.advanceTimersByTime(60_000);
      });
      expect(played.mock.calls.length).toBe(first + 1);
      fireEvent.click(screen.getByRole('button', { name: /Silence the reminder/ }));
      act(() => {
        vi.advanceTimersByTime(180_000);
      });
      expect(played.mock.calls.length).toBe(first + 1);
      act(() => client.emit({ type: 'alerts', active: [alert(), alert({ id: 2, code: 'OpenInterlock', title: 'Interlock open' })] }));
      const afterNew = played.mock.calls.length;
      act(() => {
        vi.advanceTimersByTime(60_000);
      });
      expect(played.mock.calls.length).toBe(afterNew + 1);
    } finally {
      played.mockRestore();
      vi.useRealTimers();
    }
  });
});
