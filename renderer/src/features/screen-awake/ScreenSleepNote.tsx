import { useT } from '../../i18n/use-t';

/**
 * Whether this browser can keep the screen on. It can only in a secure context: a console opened on this computer
 * (loopback) or over HTTPS; a thin client on a plain-HTTP LAN address cannot, and its display's own power settings
 * must keep it on.
 */
export function ScreenSleepNote({ available = 'wakeLock' in navigator }: { available?: boolean }) {
  const t = useT();
  return (
    <p className={available ? 'muted' : 'warn-text'}>
      <strong>{t('connection:wakeLock.title')}:</strong>{' '}
      {available ? (
        t('connection:wakeLock.held')
      ) : (
        <>
          <span aria-hidden="true">⚠</span> {t('connection:wakeLock.unavailable')}
        </>
      )}
    </p>
  );
}
