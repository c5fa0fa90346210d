import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConsoleClient } from '../../../../shared/api/contract';
import { fail, ok, type Result } from '../../../../shared/api/result';
import type { SettingEntry, SettingsView } from '../../../../shared/api/settings';
import { ConfigProblemsBanner } from '../../../../renderer/src/features/settings/ConfigProblems';
import { SettingsScreen } from '../../../../renderer/src/features/settings/SettingsScreen';
import { StoreProvider } from '../../../../renderer/src/store/context';
import { createConsoleStore } from '../../../../renderer/src/store/store';
import { setting } from '../../helpers/settings';

afterEach(cleanup);

function view(entries: SettingEntry[], overrides: Partial<SettingsView> = {}): SettingsView {
  return {
    entries,
    problems: [],
    files: { machine: '/etc/issuance-console/config.json', user: '/home/op/.config/issuance-console/config.json' },
    secrets: 'keychain',
    ...overrides,
  };
}

const ENTRIES = [
  setting('station', { value: 'Line 2', source: 'user', userSet: true }),
  setting('webhook.port', { kind: 'number', value: 4567, source: 'machine', locked: true, editable: false }),
  setting('webhook.token', { secret: true, value: 'set', source: 'user', userSet: true }),
  // An older core sent the last characters of a long secret: the screen shows none of them.
  setting('rapidadmin.signingSecret', { secret: true, value: '••••••wxyz', source: 'user', userSet: true }),
  setting('webhook.previousToken', { secret: true, value: null }),
  setting('desktop.startAtLogin', { kind: 'boolean', value: false }),
  setting('ui.port', { kind: 'number', value: 4800 }),
  setting('machines', { kind: 'list', value: '[]', editable: false }),
];

type Answer = (params: Record<string, unknown>) => Result<unknown>;

/** A ConsoleClient that answers the settings methods as a test says, records their calls, and refuses the rest. */
function settingsClient(settings: SettingsView) {
  const answers = new Map<string, Answer>([['getSettings', () => ok(settings)]]);
  const calls: { method: string; params: unknown }[] = [];
  const client = new Proxy({} as Record<string, unknown>, {
    get(_target, method: string) {
      if (method === 'onEvent' || method === 'onConnection') return () => () => {};
      return async (params: Record<string, unknown>) => {
        calls.push({ method, params });
        return answers.get(method)?.(params) ?? fail('unavailable', `${method} is not answered in this test`);
      };
    },
  }) as unknown as ConsoleClient;
  return {
    client,
    answer: (method: string, fn: Answer) => answers.set(method, fn),
    callsOf: (method: string) => calls.filter((c) => c.method === method).map((c) => c.params),
  };
}

async function showSettings(settings = view(ENTRIES)) {
  const fake = settingsClient(settings);
  const store = createConsoleStore(fake.client);
  await act(async () => {
    render(
      <StoreProvider store={store}>
        <ConfigProblemsBanner />
        <SettingsScreen />
      </StoreProvider>,
    );
    await store.getState().loadSettings();
  });
  return { ...fake, store };
}

const row = (key: string) => screen.getByText(key, { selector: '.setting-key' }).closest('li') as HTMLElement;

describe('the settings screen', () => {
  it('shows each value in effect and, in words, where it came from', async () => {
    await showSettings();
    expect(within(row('station')).getByText('Line 2')).toBeTruthy();
    expect(within(row('station')).getByText('Your settings')).toBeTruthy();
    expect(within(row('ui.port')).getByText('Default')).toBeTruthy();
    expect(within(row('webhook.port')).getByText('Machine-wide file')).toBeTruthy();
  });

  it("shows the core's note beside its key", async () => {
    const note = 'Works until the first supervisor account exists; then supervisors step up with their own PIN.';
    await showSettings(view([...ENTRIES, setting('review.supervisorPin', { secret: true, value: 'set', note })]));
    expect(within(row('review.supervisorPin')).getByText(note)).toBeTruthy();
    expect(row('station').querySelector('.setting-note')).toBeNull();
  });

  it('shows keys locked by IT as locked, with nothing to press', async () => {
    await showSettings();
    const locked = row('webhook.port');
    expect(within(locked).getByText(/Locked by IT/)).toBeTruthy();
    expect(within(locked).queryAllByRole('button')).toEqual([]);
  });

  it('never shows a secret, only whether it is set, and offers to replace it in a password field', async () => {
    await showSettings();
    expect(within(row('rapidadmin.signingSecret')).getByText('set', { selector: '.setting-value' })).toBeTruthy();
    expect(row('rapidadmin.signingSecret').textContent).not.toContain('wxyz');
    expect(within(row('webhook.previousToken')).getByText('not set', { selector: '.setting-value' })).toBeTruthy();
    const secret = row('webhook.token');
    expect(within(secret).getByText('set', { selector: '.setting-value' })).toBeTruthy();
    fireEvent.click(within(secret).getByRole('button', { name: 'Replace…' }));
    expect((within(secret).getByLabelText('New value for webhook.token') as HTMLInputElement).type).toBe('password');
  });

  it('saves a switch with one press, to the per-user file', async () => {
    const client = await showSettings();
    client.answer('setSetting', () => ok(view(ENTRIES.map((e) => (e.key === 'desktop.startAtLogin' ? { ...e, value: true, source: 'user' as const } : e)))));
    await act(async () => {
      fireEvent.click(within(row('desktop.startAtLogin')).getByRole('button', { name: 'On' }));
    });
    expect(client.callsOf('setSetting')).toEqual([{ key: 'desktop.startAtLogin', value: true }]);
    expect(within(row('desktop.startAtLogin')).getByRole('button', { name: /On/ }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByText('/home/op/.config/issuance-console/config.json')).toBeTruthy();
  });

  it('sends a number as a number, and shows a refusal beside the setting', async () => {
    const client = await showSettings();
    client.answer('setSetting', () => fail('invalid-request', 'ui.port: Too big: expected number to be <=65535'));
    fireEvent.click(within(row('ui.port')).getByRole('button', { name: 'Change…' }));
    fireEvent.change(within(row('ui.port')).getByLabelText('New value for ui.port'), { target: { value: '99999' } });
    await act(async () => {
      fireEvent.click(within(row('ui.port')).getByRole('button', { name: 'Save' }));
    });
    expect(client.callsOf('setSetting')).toEqual([{ key: 'ui.port', value: 99999 }]);
    expect(within(row('ui.port')).getByRole('alert').textContent).toContain('<=65535');
  });

  it('removes the per-user value on request', async () => {
    const client = await showSettings();
    client.answer('resetSetting', () => ok(view(ENTRIES)));
    await act(async () => {
      fireEvent.click(within(row('station')).getByRole('button', { name: 'Remove my value' }));
    });
    expect(client.callsOf('resetSetting')).toEqual([{ key: 'station' }]);
  });

  it('warns when secrets cannot be encrypted on this computer', async () => {
    await showSettings(view(ENTRIES, { secrets: 'plain' }));
    expect(screen.getByText(/stored unencrypted/)).toBeTruthy();
  });
});

describe('configuration problems', () => {
  const problems = view(ENTRIES, {
    problems: [{ where: '/etc/issuance-console/config.json', key: 'webhook.port', message: 'Too big (got 70000); ignored' }],
  });

  it('are announced on every screen until looked at, and listed exactly in the settings', async () => {
    const { store } = await showSettings(problems);
    const banner = screen.getAllByRole('alert').find((a) => a.classList.contains('config-banner')) as HTMLElement;
    expect(banner.textContent).toContain('The configuration has a problem');
    await act(async () => {
      fireEvent.click(within(banner).getByRole('button', { name: 'Show what is wrong' }));
    });
    expect(store.getState().settingsOpen).toBe(true);
    const list = screen.getByText(/What is wrong in the configuration/).closest('div') as HTMLElement;
    expect(list.textContent).toContain('/etc/issuance-console/config.json · webhook.port: Too big (got 70000); ignored');
  });
});
