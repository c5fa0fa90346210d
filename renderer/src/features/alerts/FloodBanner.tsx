import { useT } from '../../i18n/use-t';
import { useConsole } from '../../store/context';
import { useNow } from '../../ui/use-now';
import { formatTime } from '../format';

/**
 * A flood (ISA-18.2: more than 10 new alerts in 10 minutes): one line says so and what caused them, so that the
 * operator treats the few causes, not the many rows.
 */
export function FloodBanner() {
  const t = useT();
  const flood = useConsole((s) => s.alarmSummary.flood);
  const now = useNow();
  if (!flood) return null;
  // Since the flood's first alert: "14 alerts in 10 minutes".
  const minutes = Math.max(1, Math.round((now - Date.parse(flood.since)) / 60_000));
  return (
    <div className="band-line flood-banner" role="alert">
      <span className="band-icon" aria-hidden="true">
        ≋
      </span>
      <p>
        <strong>{t('band:flood.title', { count: flood.count, minutes })}</strong>{' '}
        {t('band:flood.since', { since: formatTime(flood.since) })}{' '}
        {flood.byCause.map((c, i) => (
          <span key={c.cause} className="flood-cause">
            {i > 0 ? ' · ' : ''}
            {t(`alerts:cause.${c.cause}`)} ×{c.count}
          </span>
        ))}
      </p>
    </div>
  );
}
