import { runs16 } from '../../../../shared/api/health';
import type { ReviewView } from '../../../../shared/api/reviews';
import { INTL_LOCALE } from '../../../../shared/i18n/languages';
import { useConsole } from '../../store/context';
import { selectBusy } from '../../store/actions';
import { healthKey, selectSnapshot } from '../../store/health-slice';
import { useT } from '../../i18n/use-t';
import './snapshot.css';

/**
 * The camera's picture beside the read text, on request only: fetched through the core (the page may load images
 * from itself alone), labelled with when it arrived and with what the vendor does not promise.
 */
export function SnapshotEvidence({ review }: { review: ReviewView }) {
  const t = useT();
  const lang = useConsole((s) => s.language);
  const snapshot = useConsole(selectSnapshot(review.id));
  const busy = useConsole(selectBusy(healthKey.snapshot(review.id)));
  const take = useConsole((s) => s.takeSnapshot);
  // Offered from AIDA 1.6 on; a machine that reported no version is asked, and its 404 says "not offered".
  const before16 = useConsole((s) => runs16(s.machines.find((m) => m.id === review.machineId)?.api?.version) === false);
  if (before16) return null;
  const label = snapshot ? t('health:snapshot.again') : t('health:snapshot.show');
  const time = snapshot ? new Intl.DateTimeFormat(INTL_LOCALE[lang], { timeStyle: 'medium' }).format(new Date(snapshot.takenAt)) : '';
  return (
    <div className="review-snapshot">
      <button type="button" className="btn btn-compact" disabled={busy} onClick={() => void take(review.id, t('health:snapshot.show'))}>
        <span aria-hidden="true">◉</span> {label}
      </button>
      {snapshot && (
        <figure>
          <img src={snapshot.dataUrl} alt={t('health:snapshot.alt')} />
          <figcaption>
            <strong>{t('health:snapshot.takenAt', { time })}</strong>
            <br />
            <span className="snapshot-caveat">{t('health:snapshot.caveat')}</span>
            <br />
            <span className="muted">{t(snapshot.stored ? 'health:snapshot.stored' : 'health:snapshot.notStored')}</span>
          </figcaption>
        </figure>
      )}
    </div>
  );
}
