import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../helpers/core';
import { fake, invokeIpc } from './fake-electron';
import { appHandlers } from '../helpers/core';
import { closeShell, launchShell } from './harness';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

afterEach(closeShell);

describe('the audit export in the app', () => {
  it('asks where to save, and the main process writes the whole filtered trail there', async () => {
    const { window, shell } = await launchShell(['--ui-port', '0']);
    // A Stop to the training machine: one command in the trail.
    const snapshot = await appHandlers(shell.core).getSnapshot({});
    const machineId = snapshot.ok ? snapshot.value.machines[0]?.id : undefined;
    expect(machineId).toBeDefined();
    await appHandlers(shell.core).stop({ machineId: machineId ?? '' });
    const path = join(tempDir(), 'audit.csv');
    fake.dialogs.saveFiles = [path];
    const result = await invokeIpc('console:exportAudit', window.webContents, {});
    expect(result).toEqual({ ok: true, value: { kind: 'saved', filename: 'audit.csv', path, rows: 1 } });
    const lines = readFileSync(path, 'utf8').split('\r\n');
    expect(lines[0]).toBe('id,createdAt,updatedAt,machineId,kind,state,actor,role,attempts,reviewId,payload,outcome,accountId,accountRole,station,signedIn');
    expect(lines[1]).toContain(',stop,');
    expect(lines).toHaveLength(3);
    expect(fake.dialogs.saveDialogs?.[0]?.defaultPath).toMatch(/issuance-audit-.*\.csv$/);
  });

  it('writes nothing when the save dialog is closed', async () => {
    const { window } = await launchShell(['--ui-port', '0']);
    expect(await invokeIpc('console:exportAudit', window.webContents, {})).toEqual({ ok: true, value: { kind: 'cancelled' } });
  });

  it('saves the audit events the filters select the same way, every one of them', async () => {
    const { window, shell } = await launchShell(['--ui-port', '0']);
    await appHandlers(shell.core).silenceReminder({ alertIds: [4, 5] });
    await appHandlers(shell.core).silenceReminder({ alertIds: [6] });
    const path = join(tempDir(), 'events.csv');
    fake.dialogs.saveFiles = [path];
    const result = await invokeIpc('console:exportAuditEvents', window.webContents, { kind: 'sound-silenced' });
    expect(result).toEqual({ ok: true, value: { kind: 'saved', filename: 'events.csv', path, rows: 2 } });
    const lines = readFileSync(path, 'utf8').split('\r\n');
    expect(lines[0]).toBe('id,at,kind,actor,accountId,role,station,signedIn,method,subject,oldValue,newValue,detail,repeats,lastAt');
    // Newest first.
    expect(lines[1]).toContain(',sound-silenced,');
    expect(lines[1]).toContain('alert 6');
    expect(lines[2]).toContain('"alert 4, alert 5"');
    expect(lines).toHaveLength(4);
    expect(fake.dialogs.saveDialogs?.[0]?.defaultPath).toMatch(/issuance-audit-events-.*\.csv$/);
    expect(fake.dialogs.saveDialogs?.[0]?.title).toBe('Export the sign-ins, settings, accounts and refusals');

    fake.dialogs.saveFiles = [];
    expect(await invokeIpc('console:exportAuditEvents', window.webContents, {})).toEqual({ ok: true, value: { kind: 'cancelled' } });
  });
});
