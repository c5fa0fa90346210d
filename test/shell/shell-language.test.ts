import { afterEach, describe, expect, it, vi } from 'vitest';
import { pascalMessage } from '../fixtures/aida';
import { FakeTray, fake, invokeIpc } from './fake-electron';
import { closeShell, launchShell, launchWithAida, until } from './harness';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

afterEach(closeShell);

type MenuItem = { label?: string; submenu?: MenuItem[] };
const appMenuLabels = () => ((fake.applicationMenu as { template: MenuItem[] } | undefined)?.template ?? []).map((m) => m.label);
const consoleMenuLabels = () => ((fake.applicationMenu as { template: MenuItem[] }).template[0]?.submenu ?? []).map((m) => m.label);
const trayMenuLabels = () => (FakeTray.all[0]?.menu?.template ?? []).map((m) => m.label);

describe("the shell's own texts in the station's language", () => {
  it('rebuilds the menu and the tray in German when the station switches to German', async () => {
    const { window } = await launchShell();
    expect(appMenuLabels()).toEqual(['&Console', '&View', '&Help']);
    await until(() => FakeTray.all[0]?.tooltip.startsWith('Issuance Console (training): ') ?? false);

    expect(await invokeIpc('console:setSetting', window.webContents, { key: 'language', value: 'de' })).toMatchObject({ ok: true });
    expect(appMenuLabels()).toEqual(['&Konsole', '&Ansicht', '&Hilfe']);
    expect(consoleMenuLabels()).toContain('&Protokollordner öffnen');
    const tray = FakeTray.all[0];
    await until(() => tray?.tooltip.startsWith('Issuance Console (Schulung): ') ?? false);
    expect(tray?.tooltip).toMatch(/ (läuft|gestoppt|ALARM)/);
    expect(trayMenuLabels()).toEqual([tray?.tooltip, undefined, 'Konsole öffnen', 'Protokollordner öffnen', undefined, 'Beenden']);

    await invokeIpc('console:resetSetting', window.webContents, { key: 'language' });
    expect(appMenuLabels()).toEqual(['&Console', '&View', '&Help']);
  });

  it("asks a German-speaking person where to save in German, while the station's menu stays English", async () => {
    // Live: training mode has no accounts.
    const { window } = await launchWithAida();
    expect(await invokeIpc('console:createFirstAccount', window.webContents, { name: 'Ida', pin: '246810' })).toMatchObject({ ok: true });
    expect(await invokeIpc('console:setOwnLanguage', window.webContents, { language: 'de' })).toMatchObject({ ok: true });
    expect(await invokeIpc('console:exportAudit', window.webContents, {})).toEqual({ ok: true, value: { kind: 'cancelled' } });
    expect(fake.dialogs.saveDialogs?.[0]?.title).toBe('Prüfprotokoll exportieren');
    expect(appMenuLabels()).toEqual(['&Console', '&View', '&Help']);
  });

  it('asks before quitting in German on a German station', async () => {
    const { window, post } = await launchWithAida();
    expect((await post(pascalMessage('WorkflowSchedulerStarted'))).status).toBe(200);
    await invokeIpc('console:setSetting', window.webContents, { key: 'language', value: 'de' });
    await until(() => FakeTray.all[0]?.tooltip === 'Issuance Console: läuft — AIDA läuft');
    fake.dialogs.answers.push(0);
    fake.app.quit();
    await until(() => fake.dialogs.messageBoxes.length === 1);
    expect(fake.dialogs.messageBoxes[0]?.message).toBe('AIDA gibt gerade Karten aus.');
    expect(fake.dialogs.messageBoxes[0]?.buttons).toEqual(['Konsole weiterlaufen lassen', 'Trotzdem beenden']);
  });
});
