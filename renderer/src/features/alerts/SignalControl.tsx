import { useT } from '../../i18n/use-t';
import { actionKey, selectBusy } from '../../store/actions';
import { useConsole } from '../../store/context';
import { selectReadOnly } from '../../store/people-slice';
import { useAlertNotifications } from './alert-notification';
import { playEveryAlarm, useAlertSound } from './alert-sound';

/**
 * The alarm's own controls, small, in the header: whether sound and notifications are on (one press turns on both)
 * and "Test the alarm" for the start of a shift. A suspension's reminder is silenced on its own row.
 */
export function SignalControl() {
  const t = useT();
  const { sound, enableSound } = useAlertSound();
  const { notifications, enableNotifications } = useAlertNotifications();
  const testAlarm = useConsole((s) => s.testAlarm);
  const testing = useConsole(selectBusy(actionKey.alarmTest));
  const readOnly = useConsole(selectReadOnly);
  const offer = sound === 'blocked' || notifications === 'default';
  const soundWord = sound === 'on' ? t('band:signals.soundOn') : sound === 'blocked' ? t('band:signals.soundOff') : t('band:signals.soundNone');
  const notifyWord =
    notifications === 'granted' ? t('band:signals.notifyOn') : notifications === 'denied' ? t('band:signals.notifyBlocked') : t('band:signals.notifyOff');

  return (
    <div className="signal-control" role="group" aria-label={t('band:signals.label')}>
      {/* Sound on is the normal state: said to a screen reader, shown only when it is not. */}
      <span className={sound === 'on' ? 'visually-hidden' : 'signal-state signal-state-off'} title={notifyWord}>
        <span aria-hidden="true">{sound === 'on' ? '♪' : '✕'}</span> {soundWord}
        <span className="visually-hidden"> · {notifyWord}</span>
      </span>
      {offer && (
        <button
          type="button"
          className={`btn btn-row${sound === 'blocked' ? ' btn-attention' : ''}`}
          onClick={() => {
            if (sound === 'blocked') enableSound();
            if (notifications === 'default') enableNotifications();
          }}
        >
          <span aria-hidden="true">♪</span> {sound === 'blocked' ? t('band:signals.enable') : t('band:signals.enableNotifications')}
        </button>
      )}
      <button
        type="button"
        className="btn btn-row"
        disabled={testing || readOnly}
        onClick={() => void testAlarm().then((ok) => ok && playEveryAlarm())}
      >
        <span aria-hidden="true">♫</span> {t('band:signals.test')}
      </button>
    </div>
  );
}
