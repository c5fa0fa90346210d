import { afterEach, describe, expect, it, vi } from 'vitest';
import { invokeIpc } from './fake-electron';
import { closeShell, launchWithAida } from './harness';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

afterEach(closeShell);

describe("the window's session, kept in the main process", () => {
  it('signs a person in at this window, tells this window, and names them on its next calls', async () => {
    const { window, shell } = await launchWithAida();
    expect(await invokeIpc('console:getSession', window.webContents, {})).toMatchObject({ ok: true, value: { openStation: true } });
    expect(await invokeIpc('console:createFirstAccount', window.webContents, { name: 'Ida', pin: '246810' })).toMatchObject({
      ok: true,
      value: { person: { name: 'Ida', role: 'it' } },
    });
    const sessionEvents = window.webContents.sent.filter(([, e]) => (e as { type?: string }).type === 'session');
    expect(sessionEvents.at(-1)).toEqual(['console:event', expect.objectContaining({ session: expect.objectContaining({ person: expect.objectContaining({ name: 'Ida' }) }) })]);
    expect(await invokeIpc('console:getSession', window.webContents, {})).toMatchObject({ value: { person: { name: 'Ida' } } });

    // Another session (another window, a browser) is not Ida's, and the core says so.
    const other = shell.core.people.open('app');
    expect(shell.core.people.view(other)).toMatchObject({ signInRequired: true });
    expect(shell.core.people.view(other)).not.toHaveProperty('person');
  });
});
