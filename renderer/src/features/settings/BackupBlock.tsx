import { useEffect } from 'react';
import type { BackupStatus } from '../../../../shared/api/backup';
import { useOwnedFailure } from '../../app/ActionFailures';
import { actionKey, selectBusy } from '../../store/actions';
import { selectBackup } from '../../store/backup-slice';
import { useConsole } from '../../store/context';
import { age } from '../../ui/duration';
import { useNow } from '../../ui/use-now';
import { formatDateTime } from '../format';

/** "12.4 MB": a backup's size as IT reads it. */
function sizeWords(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb < 1000 ? `${mb.toFixed(1)} MB` : `${(mb / 1024).toFixed(2)} GB`;
}

const REASON: Record<NonNullable<BackupStatus['last']>['reason'], string> = {
  daily: 'daily backup',
  manual: 'backup on request',
  migration: 'backup before an upgrade of the database',
};

/** The last backup in words: its result first (icon and word, never colour alone), then when, why and how big. */
function LastBackup({ last, now }: { last: NonNullable<BackupStatus['last']>; now: number }) {
  const when = `${formatDateTime(last.startedAt)} (${age(last.startedAt, now) ?? '—'} ago)`;
  const size = last.bytes !== undefined ? `, ${sizeWords(last.bytes)}` : '';
  if (last.result === 'failed') {
    return (
      <p className="error-text" role="alert">
        <span aria-hidden="true">✖</span> Last backup FAILED: {last.detail ?? 'no reason recorded'} — {REASON[last.reason]}, {when}.
      </p>
    );
  }
  const result = last.result === 'ok' ? 'passed its integrity check' : 'not checked yet';
  return (
    <p>
      <span aria-hidden="true">{last.result === 'ok' ? '✔' : '…'}</span> Last backup: {when}
      {size}, {result} — {REASON[last.reason]}.
    </p>
  );
}

/**
 * The settings screen's backups: where they go, the last one's age, size and check, a warning when they share the
 * data's disk, and IT's "Back up now". How to restore one is said here too: it is done with the console stopped.
 */
export function BackupBlock() {
  const backup = useConsole(selectBackup);
  const load = useConsole((s) => s.loadBackup);
  const backUpNow = useConsole((s) => s.backUpNow);
  const busy = useConsole(selectBusy(actionKey.backup));
  const failure = useOwnedFailure(actionKey.backup);
  const now = useNow();
  useEffect(() => {
    void load();
  }, [load]);

  const running = busy || backup?.running === true;
  return (
    <section className="settings-section backup-block" aria-labelledby="backup-title">
      <h3 id="backup-title">Backups</h3>
      {!backup ? (
        <p className="muted">Reading the backups…</p>
      ) : (
        <>
          {backup.last ? <LastBackup last={backup.last} now={now} /> : <p className="warn-text">No backup has been made yet.</p>}
          <p>
            Backups go to <span className="mono">{backup.dir}</span> (<span className="mono">backup.dir</span>); the newest {backup.keep} are
            kept (<span className="mono">backup.keep</span>).
            {backup.nextAt && ` The next daily backup is due ${formatDateTime(backup.nextAt)}.`}
          </p>
          {backup.sameDisk && (
            <p className="warn-text">
              <span aria-hidden="true">⚠</span> The backup folder is on the same disk as the console&apos;s data: a failing disk takes both.
              Set backup.dir to a folder on another disk.
            </p>
          )}
        </>
      )}
      <div className="backup-actions">
        <button type="button" className="btn" onClick={() => void backUpNow()} disabled={running}>
          {running ? 'Backing up…' : 'Back up now'}
        </button>
        {failure && (
          <p className="error-text" role="alert">
            Back up now failed: {failure.error.message}
          </p>
        )}
      </div>
      <p className="muted">
        To restore a backup: in the app, Console → Restore from a backup… (the console restarts); in serve mode, start it with{' '}
        <span className="mono">--restore &lt;file&gt;</span>. The database in use is kept aside. Open reviews and unsettled commands then
        wait, marked &quot;restored: check at the machine&quot;, until each machine says where its jobs are.
      </p>
    </section>
  );
}
