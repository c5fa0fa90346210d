import { useEffect } from 'react';
import type { DeliveryView } from '../../../../shared/api/records';
import { useConsole } from '../../store/context';
import { ShowMore } from '../../ui/ShowMore';
import { formatDateTime, formatSize, httpStatusText } from './format';
import { RejectedDeliveryDialog } from './RejectedDeliveryDialog';

function Row({ delivery }: { delivery: DeliveryView }) {
  const open = useConsole((s) => s.openRejected);
  return (
    <tr data-delivery-id={delivery.id}>
      <td className="mono">{formatDateTime(delivery.receivedAt)}</td>
      <td>{delivery.source}</td>
      <td className="mono">{delivery.remoteAddr ?? 'not known'}</td>
      <td>{httpStatusText(delivery.httpStatus)}</td>
      <td className="delivery-reason">{delivery.reason ?? '—'}</td>
      <td>
        {formatSize(delivery.bodyLength)}
        {delivery.bodyKept !== undefined && delivery.bodyKept < delivery.bodyLength && (
          <span className="muted delivery-kept">{formatSize(delivery.bodyKept)} kept</span>
        )}
      </td>
      <td>
        <button type="button" className="btn btn-small" onClick={() => void open(delivery.id)}>
          Show body
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
        <h2 id="deliveries-title">Rejected deliveries</h2>
        <span className="muted" role="status">
          {page === undefined ? 'Loading…' : total === 0 ? 'None: every delivery was accepted' : `${total.toLocaleString()} refused, newest first`}
        </span>
      </header>
      {page?.pruned !== undefined && page.pruned > 0 && (
        <p className="deliveries-pruned" role="note">
          <span aria-hidden="true">✂</span> {page.pruned === 1 ? '1 older refused delivery' : `${page.pruned} older refused deliveries`} pruned:
          the console keeps only the newest (webhook.rejectedDeliveries in Settings).
        </p>
      )}
      {error && (
        <p className="error-text" role="alert">
          Could not load the rejected deliveries: {error}
        </p>
      )}
      {page && page.rows.length > 0 && (
        <table className="delivery-table">
          <thead>
            <tr>
              <th scope="col">Received</th>
              <th scope="col">Source</th>
              <th scope="col">Source address</th>
              <th scope="col">HTTP status</th>
              <th scope="col">Reason</th>
              <th scope="col">Size</th>
              <th scope="col" aria-label="Body" />
            </tr>
          </thead>
          <tbody>
            {page.rows.map((d) => (
              <Row key={d.id} delivery={d} />
            ))}
          </tbody>
        </table>
      )}
      {page && <ShowMore shown={page.rows.length} total={total} more={page.next !== undefined} what="refused deliveries" onMore={loadMore} />}
      <RejectedDeliveryDialog />
    </section>
  );
}
