import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionView } from '../../../../shared/api/people';
import { ok } from '../../../../shared/api/result';
import { SettingsScreen } from '../../../../renderer/src/features/settings/SettingsScreen';
import { createFakeClient } from '../../helpers/fake-client';
import { setting } from '../../helpers/settings';
import { renderWithConsole } from '../alerts/fixtures';
import { answerSession, session, signedInAsOlga } from './fixtures';

afterEach(cleanup);

async function settingsAs(view: SessionView) {
  const client = createFakeClient();
  answerSession(client, view);
  client.handle('getSettings', () =>
    ok({
      entries: [setting('station', { value: 'Line 2', source: 'user', userSet: true }), setting('desktop.startAtLogin', { kind: 'boolean', value: false })],
      problems: [],
      files: { machine: '/etc/ic/config.json', user: '/home/op/.config/ic/config.json' },
      secrets: 'keychain',
    }),
  );
  const { store } = await renderWithConsole(<SettingsScreen />, {}, client);
  await act(async () => {
    await store.getState().loadAuth();
    await store.getState().loadSettings();
  });
}

describe('settings by role', () => {
  it('an operator reads the settings and is told only IT changes them: no editor is offered', async () => {
    await settingsAs(signedInAsOlga());
    expect(screen.getByText(/Only IT changes settings/)).toBeTruthy();
    expect(screen.getByText('Line 2')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Change…|Remove my value|On|Off/ })).toBeNull();
  });

  it('IT gets the editors', async () => {
    await settingsAs(session({ signInRequired: false, person: { accountId: 1, name: 'Ida IT', role: 'it' } }));
    expect(screen.queryByText(/Only IT changes settings/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Change…' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Remove my value' })).toBeTruthy();
  });
});
