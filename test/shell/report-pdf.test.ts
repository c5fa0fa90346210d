import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startTestConsole, tempDir, testConfig } from '../helpers/core';
import { fake, invokeIpc } from './fake-electron';
import { closeShell, launchShell } from './harness';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

afterEach(closeShell);

const HOUR = 3_600_000;

/**
 * A data folder holding one frozen shift report: a console that ran a job, then one started nine hours later (its
 * clock given), which makes the report of the shift that job ran in. The shell then opens that folder.
 */
async function folderWithAReport(): Promise<{ dataDir: string; id: number }> {
  const file = { machines: [{ id: 'm1', apiUrl: 'http://127.0.0.1:9', kind: 'box' as const }], production: { timeZone: 'UTC' } };
  const first = await startTestConsole(testConfig(file));
  const dataDir = first.config.dataDir;
  await first.post({ MessageType: 'WorkflowStarted', JobId: 'J1', WorkflowInstanceId: 'wf-1' });
  await first.post({ MessageType: 'WorkflowCompleted', JobId: 'J1', WorkflowInstanceId: 'wf-1' });
  await first.stop();
  const later = await startTestConsole(testConfig(file, dataDir), { now: () => new Date(Date.now() + 9 * HOUR) });
  try {
    for (const deadline = Date.now() + 5000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 20))) {
      const listed = await later.handlers.listShiftReports({ limit: 20 });
      const id = listed.ok ? listed.value.rows[0]?.id : undefined;
      if (id !== undefined) return { dataDir, id };
    }
    throw new Error('no shift report was made');
  } finally {
    await later.stop();
  }
}

describe('the shift report as PDF in the app', () => {
  it('asks where to save, prints the window on A4 with its backgrounds, and writes the PDF there', async () => {
    const { dataDir, id } = await folderWithAReport();
    const { window } = await launchShell(['--ui-port', '0', '--data-dir', dataDir]);
    const path = join(tempDir(), 'report.pdf');
    fake.dialogs.saveFiles = [path];
    const result = await invokeIpc('console:saveShiftReportPdf', window.webContents, { id });
    expect(result).toEqual({ ok: true, value: { kind: 'saved', filename: 'report.pdf', path } });
    expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
    expect(window.webContents.printedToPdf).toEqual([{ pageSize: 'A4', printBackground: true, preferCSSPageSize: true }]);
    const asked = fake.dialogs.saveDialogs?.[0];
    expect(asked?.title).toBe('Save the shift report as PDF');
    expect(basename(asked?.defaultPath ?? '')).toMatch(/^shift-report-\d{4}-\d{2}-\d{2}-[\p{L}\p{N}_-]+\.pdf$/u);
  });

  it('writes nothing when the save dialog is closed, and says why when the file cannot be written', async () => {
    const { dataDir, id } = await folderWithAReport();
    const { window } = await launchShell(['--ui-port', '0', '--data-dir', dataDir]);
    expect(await invokeIpc('console:saveShiftReportPdf', window.webContents, { id })).toEqual({ ok: true, value: { kind: 'cancelled' } });
    expect(window.webContents.printedToPdf).toEqual([]);

    const nowhere = join(tempDir(), 'no-such-folder', 'report.pdf');
    fake.dialogs.saveFiles = [nowhere];
    const refused = await invokeIpc('console:saveShiftReportPdf', window.webContents, { id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringContaining(nowhere) as string } });
    expect(existsSync(nowhere)).toBe(false);
  });

  it('refuses a report that does not exist, without asking where to save it', async () => {
    const { window } = await launchShell(['--ui-port', '0']);
    const result = await invokeIpc('console:saveShiftReportPdf', window.webContents, { id: 99_999 });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(fake.dialogs.saveDialogs ?? []).toEqual([]);
    expect(window.webContents.printedToPdf).toEqual([]);
  });
});
