import { useEffect } from 'react';
import type { DeliveryView } from '../../../../shared/api/records';
import { useT } from '../../i18n/use-t';
import { useConsole } from '../../store/context';
import { ShowMore } from '../../ui/ShowMore';
import { formatDateTime, formatSize, httpStatusText } from './format';
import { RejectedDeliveryDialog } from './RejectedDeliveryDialog';

/** The source, the reason and the status are the listener's record, shown as kept. */
function Row({ delivery }: { delivery: DeliveryView }) {
  const t = useT();
  const lang = useConsole((s) => s.language);
  const open = useConsole((s) => s.openRejected);
  return (
    <tr data-delivery-id={delivery.id}>
      <td className="mono">{formatDateTime(delivery.receivedAt)}</td>
      <td>{delivery.source}</td>
      <td className="mono">{delivery.remoteAddr ?? t('deliveries:notKnown')}</td>
      <td>{httpStatusText(delivery.httpStatus)}</td>
      <td className="delivery-reason">{delivery.reason ?? '—'}</td>
      <td>
        {formatSize(t, lang, delivery.bodyLength)}
        {delivery.bodyKept !== undefined && delivery.bodyKept < delivery.bodyLength && (
          <span className="muted delivery-kept">{t('deliveries:kept', { size: formatSize(t, lang, delivery.bodyKept) })}</span>
        )}
      </td>
      <td>
        <button type="button" className="btn btn-small" onClick={() => void open(delivery.id)}>
          {t('deliveries:showBody')}
        </button>
      </td>
    </tr>
  );
}

/**
 * Deliveries the webhook listener refused (not JSON, too large, failed authentication), newest first, each with
 * its body as kept: nothing a machine sent is lost, even when it could not be read.
 */
export function RejectedDeliveriesView() {
  const t = useT();
  const page = useConsole((s) => s.rejected);
  const error = useConsole((s) => s.rejectedError);
  const load = useConsole((s) => s.loadRejected);
  const loadMore = useConsole((s) => s.loadMoreRejected);

  useEffect(() => {
    void load();
  }, [load]);
  const total = page?.total ?? 0;

  return (
    <section className="panel deliveries" aria-labelledby="deliveries-title">
      <header className="panel-header">
        <h2 id="deliveries-title">{t('deliveries:title')}</h2>
        <span className="muted" role="status">
          {page === undefined ? t('deliveries:loading') : total === 0 ? t('deliveries:none') : t('deliveries:count', { count: total })}
        </span>
      </header>
      {page?.pruned !== undefined && page.pruned > 0 && (
        <p className="deliveries-pruned" role="note">
          <span aria-hidden="true">✂</span> {t('deliveries:pruned', { count: page.pruned })}
        </p>
      )}
      {error && (
        <p className="error-text" role="alert">
          {t('deliveries:loadFailed', { error })}
        </p>
      )}
      {page && page.rows.length > 0 && (
        <table className="delivery-table">
          <thead>
            <tr>
              <th scope="col">{t('deliveries:column.received')}</th>
              <th scope="col">{t('deliveries:column.source')}</th>
              <th scope="col">{t('deliveries:column.address')}</th>
              <th scope="col">{t('deliveries:column.status')}</th>
              <th scope="col">{t('deliveries:column.reason')}</th>
              <th scope="col">{t('deliveries:column.size')}</th>
              <th scope="col" aria-label={t('deliveries:column.body')} />
            </tr>
          </thead>
          <tbody>
            {page.rows.map((d) => (
              <Row key={d.id} delivery={d} />
            ))}
          </tbody>
        </table>
      )}
      {page && <ShowMore shown={page.rows.length} total={total} more={page.next !== undefined} what={t('deliveries:refusedDeliveries')} onMore={loadMore} />}
      <RejectedDeliveryDialog />
    </section>
  );
}
