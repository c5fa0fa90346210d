import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AlertView } from '../../../../shared/api/alerts';
import { fail, ok } from '../../../../shared/api/result';
import { AlertsArea } from '../../../../renderer/src/features/alerts/AlertsArea';
import { SignalControl } from '../../../../renderer/src/features/alerts/SignalControl';
import { alert, machine, renderWithConsole, suspendedMachine } from './fixtures';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const rows = () => [...document.querySelectorAll<HTMLElement>('.alarm-row')];
const heading = (row: HTMLElement) => row.querySelector('h2')?.textContent?.replace(/^[▾▸]\s*/, '');

const unreachable = (overrides: Partial<AlertView> = {}) =>
  alert({ id: 5, kind: 'unreachable', code: undefined, priority: 'high', cause: 'machine-unreachable', openedAt: '2025-01-01T10:05:00.000Z', ...overrides });
const silent = alert({ id: 6, kind: 'silence', code: undefined, priority: 'medium', cause: 'machine-silent', suppressedBy: 5, openedAt: '2025-01-01T10:05:01.000Z' });
const diskLow = alert({ id: 7, kind: 'disk-low', machineId: '', machineLabel: '', code: undefined, detail: String(700 * 1024 * 1024), priority: 'critical', cause: 'disk', openedAt: '2025-01-01T09:00:00.000Z' });

describe('the alarm band', () => {
  it('puts the most urgent first, then the newest; folds a follow-on under its root; marks the first of a burst', async () => {
    await renderWithConsole(<AlertsArea />, {
      machines: [suspendedMachine('FeederEmpty')],
      alerts: [alert({ firstOut: true }), unreachable(), silent, diskLow],
    });
    expect(rows().map((r) => r.dataset['priority'])).toEqual(['critical', 'high', 'high']);
    expect(rows().map(heading)).toEqual(["The console's disk is almost full", 'AIDA line 1 does not answer', 'Feeder empty — AIDA line 1']);
    // Priority in a word and a shape, never the colour alone.
    expect(rows()[0]?.querySelector('.priority-mark')?.textContent).toBe('◆ Critical');
    const root = rows()[1] as HTMLElement;
    expect(root.textContent).toContain('+1 follow-on');
    expect(screen.queryByRole('alert', { name: /silent/ })).toBeNull();
    expect(rows()[2]?.textContent).toContain('FIRST');
  });

  it('shows "What to do" of the top alert, and of the one pressed instead', async () => {
    await renderWithConsole(<AlertsArea />, { machines: [suspendedMachine('FeederEmpty')], alerts: [alert(), unreachable(), silent] });
    const [first, second] = rows() as [HTMLElement, HTMLElement];
    expect(first.textContent).toContain('What to do');
    expect(second.textContent).not.toContain('What to do');
    fireEvent.click(within(second).getByRole('button', { expanded: false }));
    expect(second.textContent).toContain('What to do: Load cards into the input feeder. Then press Resume.');
    expect(first.textContent).not.toContain('What to do');
    // Resume and Stop stay on the folded row.
    expect(within(second).getByRole('button', { name: /Resume/ })).toBeTruthy();
    // The follow-on shows under its root when the root is open.
    fireEvent.click(within(first).getByRole('button', { expanded: false }));
    expect(first.textContent).toContain('Raised by the same cause');
  });

  it('offers Shelve on a notice, never on a suspension, and shows the core’s refusal in the dialog', async () => {
    const { client } = await renderWithConsole(<AlertsArea />, { machines: [suspendedMachine('FeederEmpty')], alerts: [alert(), unreachable()] });
    const suspension = screen.getByRole('alert', { name: /Feeder empty/ });
    expect(within(suspension).queryByRole('button', { name: /Shelve/ })).toBeNull();
    client.handle('shelveAlert', () => fail('not-allowed', 'The supervisor PIN is wrong.'));

    fireEvent.click(within(screen.getByRole('alert', { name: /does not answer/ })).getByRole('button', { name: /Shelve/ }));
    const dialog = screen.getByRole('dialog', { name: /Shelve/ });
    const confirm = within(dialog).getByRole('button', { name: 'Shelve' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.click(within(dialog).getByLabelText('4 hours'));
    fireEvent.change(within(dialog).getByLabelText(/Why/), { target: { value: 'Line 1 switched off for maintenance' } });
    await act(async () => fireEvent.click(confirm));
    expect(client.callsTo('shelveAlert')).toEqual([{ id: 5, minutes: 240, reason: 'Line 1 switched off for maintenance' }]);
    expect(within(dialog).getByRole('alert').textContent).toBe('The supervisor PIN is wrong.');
  });

  it('counts the shelved alerts, lists them with who, why and until when, and unshelves one', async () => {
    const shelved = unreachable({ shelved: { until: '2025-01-01T14:05:00.000Z', reason: 'maintenance', by: 'Sam Supervisor' } });
    const { client, store } = await renderWithConsole(<AlertsArea />, { machines: [machine()], alerts: [shelved], alarmSummary: { shelved: 1 } });
    client.handle('unshelveAlert', () => ok([unreachable()]));
    expect(rows()).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: '1 shelved' }));
    const list = screen.getByRole('list', { name: 'Shelved alerts' });
    expect(list.textContent).toContain('shelved by Sam Supervisor: maintenance');
    await act(async () => fireEvent.click(within(list).getByRole('button', { name: /Unshelve/ })));
    expect(client.callsTo('unshelveAlert')).toEqual([{ id: 5 }]);
    expect(store.getState().alerts[0]?.shelved).toBeUndefined();
    expect(rows()).toHaveLength(1);
  });

  it('keeps a cleared alert in the band only until acknowledged, says so in words, and never shelves it', async () => {
    await renderWithConsole(<AlertsArea />, { machines: [machine()], alerts: [unreachable({ latched: true })] });
    const row = screen.getByRole('alert', { name: /does not answer/ });
    expect(row.textContent).toContain('Cleared — acknowledge');
    expect(within(row).getByRole('button', { name: /Acknowledge/ })).toBeTruthy();
    expect(within(row).queryByRole('button', { name: /Shelve/ })).toBeNull();
  });

  it('asks for the supervisor PIN to shelve when the station has one, and sends it', async () => {
    const { client } = await renderWithConsole(<AlertsArea />, { machines: [machine()], alerts: [unreachable()], pinRequired: true });
    client.handle('shelveAlert', () => ok([]));
    fireEvent.click(screen.getByRole('button', { name: /Shelve/ }));
    const dialog = screen.getByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/Why/), { target: { value: 'known outage' } });
    const confirm = within(dialog).getByRole('button', { name: 'Shelve' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.change(within(dialog).getByLabelText('Supervisor PIN'), { target: { value: '2468' } });
    await act(async () => fireEvent.click(confirm));
    expect(client.callsTo('shelveAlert')).toEqual([{ id: 5, minutes: 60, reason: 'known outage', pin: '2468' }]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('says a flood in one line, grouped by cause', async () => {
    const flood = { count: 14, since: new Date(Date.now() - 9 * 60_000).toISOString(), byCause: [{ cause: 'machine-unreachable' as const, count: 9 }, { cause: 'feeder' as const, count: 5 }] };
    await renderWithConsole(<AlertsArea />, { machines: [machine()], alerts: [], alarmSummary: { shelved: 0, flood } });
    const line = screen.getByRole('alert');
    expect(line.textContent).toContain('Alarm flood: 14 alerts in 9 minutes — grouped by cause.');
    expect(line.textContent).toContain('Machine not answering ×9 · Feeder ×5');
  });

  it('speaks the page’s language: German words on the same alert and buttons', async () => {
    const { store } = await renderWithConsole(<AlertsArea />, { machines: [suspendedMachine('FeederEmpty')], alerts: [alert()] });
    act(() => store.getState().setLanguage('de'));
    const box = screen.getByRole('alert', { name: 'Kartenzufuhr leer — AIDA line 1' });
    expect(within(box).getByRole('button', { name: /Fortsetzen/ })).toBeTruthy();
    expect(box.textContent).toContain('Was tun: Karten in die Zufuhr einlegen.');
    expect(box.querySelector('.priority-mark')?.textContent).toBe('▲ Hoch');
  });
});

describe('the alarm test at the start of a shift', () => {
  it('records the test with the core, then plays every priority’s pattern', async () => {
    const started: number[] = [];
    const param = { value: 0, setValueAtTime: vi.fn(), linearRampToValueAtTime: vi.fn() };
    class RunningAudio extends EventTarget {
      state = 'running';
      currentTime = 0;
      destination = {};
      resume = vi.fn(async () => undefined);
      createOscillator() {
        return { type: '', frequency: { ...param }, connect: (n: unknown) => n, start: (t: number) => started.push(t), stop: vi.fn() };
      }
      createGain() {
        return { gain: { ...param }, connect: (n: unknown) => n };
      }
    }
    // The page's one audio context is made on first use: this is the first test here to use it.
    vi.stubGlobal('AudioContext', RunningAudio);
    const { client } = await renderWithConsole(<SignalControl />, { machines: [machine()] });
    client.handle('testAlarm', () => ok({ at: '2025-01-01T06:00:00.000Z' }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /Test the alarm/ })));
    expect(client.callsTo('testAlarm')).toEqual([{}]);
    // Critical 10 tones, high 6, medium 3, low 2.
    expect(started).toHaveLength(21);
  });

  it('plays nothing when the core refuses the test', async () => {
    const { client } = await renderWithConsole(<SignalControl />, { machines: [machine()] });
    client.handle('testAlarm', () => fail('not-allowed', 'Sign in to act.'));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /Test the alarm/ })));
    expect(client.callsTo('testAlarm')).toEqual([{}]);
  });
});
