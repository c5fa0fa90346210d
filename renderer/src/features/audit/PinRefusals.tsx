import type { PinRefusalView } from '../../../../shared/api/records';
import type { Translate } from '../../../../shared/i18n/translate';
import { useT } from '../../i18n/use-t';
import { useConsole } from '../../store/context';
import { ShowMore } from '../../ui/ShowMore';
import { useFormat } from '../format';
import { AuditTable } from './AuditTable';

function forWhat(t: Translate, r: PinRefusalView, machineLabel: (id: string) => string): string {
  if (r.action === 'abort') return t('audit:pins.abort', { machine: r.machineId !== undefined ? machineLabel(r.machineId) : t('audit:pins.aMachine') });
  if (r.action === 'shelve') return t('audit:pins.shelve', { machine: r.machineId !== undefined ? machineLabel(r.machineId) : t('audit:pins.aMachine') });
  return t(r.reviewId !== undefined ? 'audit:pins.decisionReview' : 'audit:pins.decision', { outcome: r.outcome ?? '?', review: r.reviewId });
}

/**
 * Refused supervisor PINs, beside the commands: until named accounts exist one PIN is shared, and each wrong PIN is
 * someone's guess. After each, the console made everyone wait before the next try; the tries refused during that
 * wait are counted on the same line.
 */
export function PinRefusals({ machineLabel }: { machineLabel: (id: string) => string }) {
  const t = useT();
  const format = useFormat();
  const { rows, next, total = 0 } = useConsole((s) => s.pinRefusals);
  const loadMore = useConsole((s) => s.loadMorePinRefusals);
  return (
    <section className="pin-refusals" aria-labelledby="pin-refusals-title">
      <h3 id="pin-refusals-title">{t('audit:pins.title')}</h3>
      {total === 0 ? (
        <p className="muted">{t('audit:pins.none')}</p>
      ) : (
        <>
          <p className="muted">
            {t('audit:pins.summary', { count: total })}
          </p>
          <AuditTable columns={['when', 'who', 'for', 'whyRefused', 'then']}>
            {rows.map((r) => (
              <tr key={r.id} data-pin-refusal={r.id}>
                <td>{format.dateTime(r.at)}</td>
                <td>{r.actor}</td>
                <td>{forWhat(t, r, machineLabel)}</td>
                <td>
                  <span className="badge badge-bad">
                    <span aria-hidden="true">✕</span> {t(r.reason === 'wrong' ? 'audit:pins.wrong' : 'audit:pins.missing')}
                  </span>
                </td>
                <td>
                  {t('audit:pins.waited', { seconds: Math.round(r.waitMs / 1000) })}
                  {r.waited > 0 && (
                    <div className="muted">
                      {t('audit:pins.meanwhile', { count: r.waited, time: format.time(r.lastAt) })}
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </AuditTable>
          <ShowMore shown={rows.length} total={total} more={next !== undefined} what={t('audit:pins.refusals')} onMore={loadMore} />
        </>
      )}
    </section>
  );
}
