import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { StorageBlock, StorageLine } from '../../../../renderer/src/features/settings/StorageFigures';
import type { StorageView } from '../../../../shared/api/storage';
import { createFakeClient } from '../../helpers/fake-client';
import { renderWithStore } from '../../helpers/render';

afterEach(cleanup);

const MB = 1024 * 1024;
const GB = 1024 * MB;

const STORAGE: StorageView = {
  liveBytes: 812 * MB,
  archives: [
    { year: 2025, bytes: 1.5 * GB },
    { year: 2026, bytes: 300 * MB },
  ],
  totalBytes: 812 * MB + 1.5 * GB + 300 * MB,
  oldestLiveDay: '2026-08-29',
  freeBytes: 45.2 * GB,
  retentionDays: 90,
  personalDataDays: 30,
};

function show(ui: React.ReactElement, storage: StorageView = STORAGE) {
  const client = createFakeClient({ getStorage: () => ({ ok: true, value: storage }) });
  return { client, ...renderWithStore(ui, client) };
}

describe('the storage figures', () => {
  it('show IT the store in the settings: live file, each archive, the oldest live day, retention and free disk', async () => {
    const { client } = show(<StorageBlock />);
    const section = await screen.findByRole('region', { name: 'Storage' });
    await screen.findByText(/The store takes 2\.59 GB/);
    expect(section.textContent).toContain('the live file 812.0 MB, archives 2025: 1.50 GB, 2026: 300.0 MB.');
    expect(section.textContent).toContain('The oldest day still in the live file is 2026-08-29.');
    expect(section.textContent).toContain('older than 90 days (retention.days)');
    expect(section.textContent).toContain('redacted after 30 days');
    expect(section.textContent).toContain('45.20 GB free on the disk');
    expect(client.callsTo('getStorage')).toHaveLength(1);
  });

  it('say so when nothing is archived yet, personal data does not expire and the free space cannot be read', async () => {
    const { archives: _a, freeBytes: _f, personalDataDays: _p, ...rest } = STORAGE;
    show(<StorageBlock />, { ...rest, archives: [], totalBytes: STORAGE.liveBytes });
    await screen.findByText(/no archive yet/);
    const section = screen.getByRole('region', { name: 'Storage' });
    expect(section.textContent).toContain('kept as long as its rows');
    expect(section.textContent).toContain('Free disk space cannot be read');
  });

  it('put one line under the machines: the store, the oldest live day and the free disk', async () => {
    show(<StorageLine />);
    const line = await screen.findByText(/^Store /);
    expect(line.textContent).toBe('Store 2.59 GB · oldest live day 2026-08-29 · 45.20 GB free on the disk');
  });
});
