import { useEffect } from 'react';
import type { StorageView } from '../../../../shared/api/storage';
import { useConsole } from '../../store/context';
import { selectStorage } from '../../store/storage-slice';
import { formatBytes } from '../format';

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

const freeWords = (s: StorageView) => (s.freeBytes === undefined ? 'free disk space cannot be read' : `${formatBytes(s.freeBytes)} free on the disk`);

/** The machine panel's one line: the store's size, how far back the live file goes, and the free disk. */
export function StorageLine() {
  const storage = useStorage();
  if (!storage) return null;
  return (
    <p className="storage-line" aria-label="Storage">
      Store {formatBytes(storage.totalBytes)} · oldest live day {storage.oldestLiveDay ?? '—'} · {freeWords(storage)}
    </p>
  );
}

/** The settings screen's storage: live file and archives, the retention that bounds them, and the free disk. */
export function StorageBlock() {
  const storage = useStorage();
  return (
    <section className="settings-section" aria-labelledby="storage-title">
      <h3 id="storage-title">Storage</h3>
      {!storage ? (
        <p className="muted">Reading the store&apos;s size…</p>
      ) : (
        <>
          <p>
            The store takes {formatBytes(storage.totalBytes)}: the live file {formatBytes(storage.liveBytes)}
            {storage.archives.length === 0
              ? ', no archive yet.'
              : `, archives ${storage.archives.map((a) => `${a.year}: ${formatBytes(a.bytes)}`).join(', ')}.`}{' '}
            {storage.oldestLiveDay ? `The oldest day still in the live file is ${storage.oldestLiveDay}.` : 'The live file holds no message yet.'}
          </p>
          <p>
            Jobs, messages and alerts older than {storage.retentionDays} days (<span className="mono">retention.days</span>) move to the
            archive file of their year, beside the live file; the queue and the audit export read them with &quot;Include archive&quot;.{' '}
            {storage.personalDataDays === undefined
              ? 'Personal data (OCR texts, identity checks) is kept as long as its rows.'
              : `Personal data (OCR texts, identity checks) is redacted after ${storage.personalDataDays} days.`}{' '}
            (<span className="mono">retention.personalDataDays</span>)
          </p>
          <p>{freeWords(storage).replace(/^./, (c) => c.toUpperCase())}.</p>
        </>
      )}
    </section>
  );
}
