import type { DeliveryView } from '../../../../shared/api/records';
import { useT } from '../../i18n/use-t';
import { useConsole } from '../../store/context';
import { ViewerDialog } from '../../ui/ViewerDialog';
import { formatDateTime, formatSize, httpStatusText } from './format';

function Body({ delivery }: { delivery: DeliveryView }) {
  const t = useT();
  const lang = useConsole((s) => s.language);
  const headers = Object.entries(delivery.headers);
  const kept = delivery.bodyKept ?? delivery.body.length;
  const cut = kept < delivery.bodyLength;
  return (
    <>
      <dl className="facts">
        <dt>{t('deliveries:column.received')}</dt>
        <dd>{formatDateTime(delivery.receivedAt)}</dd>
        <dt>{t('deliveries:column.source')}</dt>
        <dd>{delivery.source}</dd>
        <dt>{t('deliveries:column.address')}</dt>
        <dd className="mono">{delivery.remoteAddr ?? t('deliveries:notKnown')}</dd>
        <dt>{t('deliveries:column.answer')}</dt>
        <dd>{httpStatusText(delivery.httpStatus)}</dd>
        <dt>{t('deliveries:column.reason')}</dt>
        <dd>{delivery.reason ?? '—'}</dd>
        <dt>{t('deliveries:column.size')}</dt>
        <dd>{formatSize(t, lang, delivery.bodyLength)}</dd>
      </dl>
      <h3>
        {cut
          ? t('deliveries:dialog.rawBodyCut', { kept: formatSize(t, lang, kept), size: formatSize(t, lang, delivery.bodyLength) })
          : t('deliveries:dialog.rawBody')}
      </h3>
      <pre className="raw-json" aria-label={t('deliveries:dialog.rawBody')}>
        {delivery.body === '' ? t('deliveries:dialog.empty') : delivery.body}
      </pre>
      <h3>{t('deliveries:dialog.headers')}</h3>
      {headers.length === 0 ? (
        <p className="muted">{t('deliveries:dialog.noHeaders')}</p>
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
  const t = useT();
  const open = useConsole((s) => s.rejectedDetail);
  const close = useConsole((s) => s.closeRejected);
  if (!open) return null;
  const { delivery } = open;
  return (
    <ViewerDialog title={t('deliveries:dialog.title', { id: open.id })} onClose={close}>
      {delivery.state === 'loading' && <p className="muted">{t('deliveries:dialog.loading')}</p>}
      {delivery.state === 'failed' && <p className="error-text">{t('deliveries:dialog.loadFailed', { error: delivery.error })}</p>}
      {delivery.state === 'loaded' && <Body delivery={delivery.value} />}
    </ViewerDialog>
  );
}
