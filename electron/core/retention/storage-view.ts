import type { StorageView } from '../../../shared/api/storage';
import type { DiskCheck } from '../alerts/disk-space';
import type { StorageFigures } from '../store/archive-store';
import type { RetentionSettings } from './retention-config';

/** The storage view from the store's figures and a reading of the data volume (which may fail: then no free space). */
export async function storageView(figures: StorageFigures, settings: RetentionSettings, check: DiskCheck, dataDir: string): Promise<StorageView> {
  const free = await check(dataDir).then(
    (r) => r.freeBytes,
    () => undefined,
  );
  const archived = figures.archives.reduce((sum, a) => sum + a.bytes, 0);
  return {
    liveBytes: figures.liveBytes,
    archives: figures.archives,
    totalBytes: figures.liveBytes + archived,
    ...(figures.oldestLiveAt !== undefined ? { oldestLiveDay: figures.oldestLiveAt.slice(0, 10) } : {}),
    ...(free !== undefined ? { freeBytes: Math.max(0, Math.floor(free)) } : {}),
    retentionDays: settings.days,
    ...(settings.personalDataDays !== undefined ? { personalDataDays: settings.personalDataDays } : {}),
  };
}
