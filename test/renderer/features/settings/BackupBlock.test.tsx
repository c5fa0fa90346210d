import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupStatus } from '../../../../shared/api/backup';
import { fail, ok } from '../../../../shared/api/result';
import { BackupBlock } from '../../../../renderer/src/features/settings/BackupBlock';
import { createFakeClient } from '../../helpers/fake-client';
import { renderWithStore } from '../../helpers/render';

afterEach(cleanup);

const status = (overrides: Partial<BackupStatus> = {}): BackupStatus => ({
  dir: '/srv/console/backups',
  keep: 7,
  sameDisk: false,
  running: false,
  last: { file: '/srv/console/backups/console-x-daily.sqlite', reason: 'daily', startedAt: '2026-03-02T03:00:00.000Z', bytes: 13_000_000, result: 'ok' },
  lastGoodAt: '2026-03-02T03:00:00.000Z',
  nextAt: '2026-03-03T03:00:00.000Z',
  ...overrides,
});

async function show(first: BackupStatus) {
  const client = createFakeClient({ getBackupStatus: () => ok(first) });
  const view = renderWithStore(<BackupBlock />, client);
  await act(async () => {});
  return { client, ...view };
}

describe("the settings screen's backups", () => {
  it("shows the last backup's size and check in words, and where backups go", async () => {
    await show(status());
    const block = screen.getByRole('region', { name: 'Backups' });
    expect(block.textContent).toContain('12.4 MB, passed its integrity check — daily backup');
    expect(block.textContent).toContain('/srv/console/backups');
    expect(block.textContent).toContain('the newest 7 are kept');
    expect(block.textContent).not.toContain('same disk');
  });

  it('says a failed backup in words, and warns when backups share the data disk', async () => {
    await show(status({ sameDisk: true, last: { ...status().last!, result: 'failed', detail: 'integrity check: database disk image is malformed' } }));
    expect(screen.getByRole('alert').textContent).toContain('Last backup FAILED: integrity check: database disk image is malformed');
    expect(screen.getByRole('region', { name: 'Backups' }).textContent).toContain('on the same disk as the console');
  });

  it('backs up now on one press, and shows the new backup, or why it could not', async () => {
    const { client } = await show(status({ last: undefined }));
    expect(screen.getByText('No backup has been made yet.')).toBeTruthy();
    client.handle('backUpNow', () => ok(status({ last: { ...status().last!, reason: 'manual' } })));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Back up now' }));
    });
    expect(client.callsTo('backUpNow')).toEqual([{}]);
    expect(screen.getByRole('region', { name: 'Backups' }).textContent).toContain('backup on request');

    client.handle('backUpNow', () => fail('internal', 'disk full'));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Back up now' }));
    });
    expect(screen.getByRole('alert').textContent).toContain('Back up now failed: disk full');
  });

  it('follows the backup status the core pushes', async () => {
    const { client } = await show(status());
    act(() => client.emit({ type: 'backup', backup: status({ running: true }) }));
    expect((screen.getByRole('button', { name: 'Backing up…' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
