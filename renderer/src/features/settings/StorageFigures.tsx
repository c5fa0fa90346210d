import { useEffect } from 'react';
import type { StorageView } from '../../../../shared/api/storage';
import { useConsole } from '../../store/context';
import { selectStorage } from '../../store/storage-slice';
import type { Translate } from '../../../../shared/i18n/translate';
import { useT } from '../../i18n/use-t';
import { useFormat } from '../format';

/** The figures change by the hour (retention runs hourly): a screen left open reads them again this often. */
const REFRESH_MS = 5 * 60 * 1000;

function useStorage(): StorageView | undefined {
  const storage = useConsole(selectStorage);
  const load = useConsole((s) => s.loadStorage);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);
  return storage;
}

const freeWords = (t: Translate, bytes: (n: number) => string, s: StorageView) =>
  s.freeBytes === undefined ? t('settings:storage.noFree') : t('settings:storage.free', { size: bytes(s.freeBytes) });

/** The machine panel's one line: the store's size, how far back the live file goes, and the free disk. */
export function StorageLine() {
  const t = useT();
  const format = useFormat();
  const storage = useStorage();
  if (!storage) return null;
  return (
    <p className="storage-line" aria-label={t('settings:storage.title')}>
      {t('settings:storage.line', { size: format.bytes(storage.totalBytes), day: storage.oldestLiveDay ?? '—', free: freeWords(t, format.bytes, storage) })}
    </p>
  );
}

/** The settings screen's storage: live file and archives, the retention that bounds them, and the free disk. */
export function StorageBlock() {
  const t = useT();
  const format = useFormat();
  const storage = useStorage();
  return (
    <section className="settings-section" aria-labelledby="storage-title">
      <h3 id="storage-title">{t('settings:storage.title')}</h3>
      {!storage ? (
        <p className="muted">{t('settings:storage.reading')}</p>
      ) : (
        <>
          <p>
            {storage.archives.length === 0
              ? t('settings:storage.total', { total: format.bytes(storage.totalBytes), live: format.bytes(storage.liveBytes) })
              : t('settings:storage.totalWithArchives', {
                  total: format.bytes(storage.totalBytes),
                  live: format.bytes(storage.liveBytes),
                  archives: storage.archives.map((a) => `${a.year}: ${format.bytes(a.bytes)}`).join(', '),
                })}{' '}
            {storage.oldestLiveDay ? t('settings:storage.oldest', { day: storage.oldestLiveDay }) : t('settings:storage.empty')}
          </p>
          <p>
            {t('settings:storage.retention', { days: storage.retentionDays })}{' '}
            {storage.personalDataDays === undefined
              ? t('settings:storage.personalKept')
              : t('settings:storage.personalRedacted', { days: storage.personalDataDays })}
          </p>
          <p>
            {storage.freeBytes === undefined
              ? t('settings:storage.noFreeSentence')
              : t('settings:storage.freeSentence', { size: format.bytes(storage.freeBytes) })}
          </p>
        </>
      )}
    </section>
  );
}
