import type { DeliveryView } from '../../../../shared/api/records';
import { useConsole } from '../../store/context';
import { ViewerDialog } from '../../ui/ViewerDialog';
import { formatDateTime, formatSize, httpStatusText } from './format';

function Body({ delivery }: { delivery: DeliveryView }) {
  const headers = Object.entries(delivery.headers);
  const kept = delivery.bodyKept ?? delivery.body.length;
  const cut = kept < delivery.bodyLength;
  return (
    <>
      <dl className="facts">
        <dt>Received</dt>
        <dd>{formatDateTime(delivery.receivedAt)}</dd>
        <dt>Source</dt>
        <dd>{delivery.source}</dd>
        <dt>Source address</dt>
        <dd className="mono">{delivery.remoteAddr ?? 'not known'}</dd>
        <dt>Answer</dt>
        <dd>{httpStatusText(delivery.httpStatus)}</dd>
        <dt>Reason</dt>
        <dd>{delivery.reason ?? '—'}</dd>
        <dt>Size</dt>
        <dd>{formatSize(delivery.bodyLength)}</dd>
      </dl>
      <h3>Raw body{cut ? ` (the first ${formatSize(kept)} of ${formatSize(delivery.bodyLength)}, as kept)` : ''}</h3>
      <pre className="raw-json" aria-label="Raw body">
        {delivery.body === '' ? '(empty body)' : delivery.body}
      </pre>
      <h3>Headers</h3>
      {headers.length === 0 ? (
        <p className="muted">No headers were kept.</p>
      ) : (
        <dl className="facts mono">
          {headers.map(([k, v]) => (
            <div key={k} className="facts-pair">
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      )}
    </>
  );
}

/** A refused delivery in full: what came, from where, why it was refused, and the body exactly as kept. */
export function RejectedDeliveryDialog() {
  const open = useConsole((s) => s.rejectedDetail);
  const close = useConsole((s) => s.closeRejected);
  if (!open) return null;
  const { delivery } = open;
  return (
    <ViewerDialog title={`Rejected delivery ${open.id}`} onClose={close}>
      {delivery.state === 'loading' && <p className="muted">Loading the delivery…</p>}
      {delivery.state === 'failed' && <p className="error-text">Could not load this delivery: {delivery.error}</p>}
      {delivery.state === 'loaded' && <Body delivery={delivery.value} />}
    </ViewerDialog>
  );
}
