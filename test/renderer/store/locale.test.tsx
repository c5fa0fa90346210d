import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '../../../shared/api/result';
import { NavBar } from '../../../renderer/src/app/NavBar';
import { SignedInPerson } from '../../../renderer/src/features/people/SignedInPerson';
import { renderWithConsole } from '../features/alerts/fixtures';
import { answerSession, session, signedInAsOlga } from '../features/people/fixtures';
import { createFakeClient } from '../helpers/fake-client';

afterEach(cleanup);

describe("the page's language", () => {
  it("is the one the core's session names: the person's own while signed in, the station's after", async () => {
    const client = createFakeClient();
    answerSession(client, { ...signedInAsOlga(), language: 'de', ownLanguage: 'de' });
    const { store } = await renderWithConsole(<NavBar />, {}, client);
    expect(screen.getByRole('tab', { name: 'Machines & jobs' })).toBeTruthy();
    await act(() => store.getState().loadAuth());
    expect(store.getState().language).toBe('de');
    expect(screen.getByRole('tab', { name: 'Maschinen & Aufträge' })).toBeTruthy();
    // Signed out (the core pushes the session): the station's language, English here.
    act(() => client.emit({ type: 'session', session: session() }));
    expect(screen.getByRole('tab', { name: 'Machines & jobs' })).toBeTruthy();
  });

  it('lets the signed-in person choose their own language, or the station\'s, and follows the core\'s answer', async () => {
    const client = createFakeClient();
    answerSession(client, signedInAsOlga());
    client.handle('setOwnLanguage', ({ language }) =>
      ok({ ...signedInAsOlga(), language: language ?? 'en', ...(language ? { ownLanguage: language } : {}) }),
    );
    const { store } = await renderWithConsole(<SignedInPerson />, {}, client);
    await act(() => store.getState().loadAuth());
    const picker = screen.getByLabelText('Language');
    expect((picker as HTMLSelectElement).value).toBe('');
    expect(screen.getByRole('option', { name: 'As the station (English)' })).toBeTruthy();
    await act(async () => fireEvent.change(picker, { target: { value: 'de' } }));
    expect(client.callsTo('setOwnLanguage')).toEqual([{ language: 'de' }]);
    expect(screen.getByLabelText('Sprache')).toBeTruthy();
    expect(screen.getByRole('button', { name: /Abmelden/ })).toBeTruthy();
    await act(async () => fireEvent.change(screen.getByLabelText('Sprache'), { target: { value: '' } }));
    expect(client.callsTo('setOwnLanguage').at(-1)).toEqual({ language: null });
    expect(store.getState().language).toBe('en');
  });
});
