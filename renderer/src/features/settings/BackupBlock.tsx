import { useEffect } from 'react';
import type { BackupStatus } from '../../../../shared/api/backup';
import { errorText, useOwnedFailure } from '../../app/ActionFailures';
import { useT } from '../../i18n/use-t';
import { actionKey, selectBusy } from '../../store/actions';
import { selectBackup } from '../../store/backup-slice';
import { useConsole } from '../../store/context';
import { age } from '../../ui/duration';
import { useNow } from '../../ui/use-now';
import { useFormat } from '../format';

/** The last backup in words: its result first (icon and word, never colour alone), then when, why and how big. */
function LastBackup({ last, now }: { last: NonNullable<BackupStatus['last']>; now: number }) {
  const t = useT();
  const format = useFormat();
  const when = t('settings:backup.when', { time: format.dateTime(last.startedAt), ago: age(last.startedAt, now) ?? '—' });
  const reason = t(`settings:backup.reason.${last.reason}`);
  if (last.result === 'failed') {
    return (
      <p className="error-text" role="alert">
        <span aria-hidden="true">✖</span> {t('settings:backup.failed', { detail: last.detail ?? t('settings:backup.noDetail'), reason, when })}
      </p>
    );
  }
  const result = t(last.result === 'ok' ? 'settings:backup.checked' : 'settings:backup.unchecked');
  return (
    <p>
      <span aria-hidden="true">{last.result === 'ok' ? '✔' : '…'}</span>{' '}
      {last.bytes !== undefined
        ? t('settings:backup.lastSized', { when, size: format.bytes(last.bytes), result, reason })
        : t('settings:backup.last', { when, result, reason })}
    </p>
  );
}

/**
 * The settings screen's backups: where they go, the last one's age, size and check, a warning when they share the
 * data's disk, and IT's "Back up now". How to restore one is said here too: it is done with the console stopped.
 */
export function BackupBlock() {
  const t = useT();
  const format = useFormat();
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
      <h3 id="backup-title">{t('settings:backup.title')}</h3>
      {!backup ? (
        <p className="muted">{t('settings:backup.reading')}</p>
      ) : (
        <>
          {backup.last ? <LastBackup last={backup.last} now={now} /> : <p className="warn-text">{t('settings:backup.none')}</p>}
          <p>
            {t('settings:backup.where', { dir: backup.dir, keep: backup.keep })}
            {backup.nextAt && ` ${t('settings:backup.next', { time: format.dateTime(backup.nextAt) })}`}
          </p>
          {backup.sameDisk && (
            <p className="warn-text">
              <span aria-hidden="true">⚠</span> {t('settings:backup.sameDisk')}
            </p>
          )}
        </>
      )}
      <div className="backup-actions">
        <button type="button" className="btn" onClick={() => void backUpNow()} disabled={running}>
          {t(running ? 'settings:backup.running' : 'settings:backup.now')}
        </button>
        {failure && (
          <p className="error-text" role="alert">
            {t('settings:backup.nowFailed', { reason: errorText(t, failure.error) })}
          </p>
        )}
      </div>
      <p className="muted">
        {t('settings:backup.restore')}
      </p>
    </section>
  );
}
