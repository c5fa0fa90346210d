import { useConsole } from '../../store/context';

/** Where RapIDadmin posts, and whether the console can tell its deliveries from anyone else's. */
export function RapidadminEndpoint() {
  const endpoint = useConsole((s) => s.feeds?.settings.rapidadmin);
  if (!endpoint) return null;
  const signed = endpoint.auth.includes('signature');
  return (
    <section className="panel endpoint" aria-labelledby="rapidadmin-endpoint-title">
      <h2 id="rapidadmin-endpoint-title">RapIDadmin / EliteID webhooks</h2>
      <p className="endpoint-urls">
        Notification URL:{' '}
        {endpoint.urls.map((u) => (
          <span key={u} className="mono">
            {u}
          </span>
        ))}
      </p>
      {signed ? (
        <p className="endpoint-ok">
          <span aria-hidden="true">✓</span> Signed: every delivery must carry an x-signature made with the Signing Secret.
          Others are refused.
        </p>
      ) : endpoint.unauthenticated === 'refused' ? (
        <p className="endpoint-warning" role="alert">
          <span aria-hidden="true">✕</span> <strong>Deliveries are refused.</strong> No signing secret is configured
          (<span className="mono">rapidadmin.signingSecret</span>), so nothing tells RapIDadmin from a forger: every delivery
          gets 401 and is not shown. Enter the Signing Secret RapIDadmin generated, or set{' '}
          <span className="mono">rapidadmin.allowUnsigned: true</span> to accept unsigned deliveries.
        </p>
      ) : endpoint.unauthenticated === 'loopback-only' ? (
        <p className="endpoint-warning">
          <span aria-hidden="true">ⓘ</span> <strong>Training mode.</strong> No signing secret is configured: unsigned
          deliveries are accepted from this computer only, and refused from anywhere else.
        </p>
      ) : (
        <p className="endpoint-warning" role="alert">
          <span aria-hidden="true">⚠</span> <strong>Unauthenticated endpoint.</strong> No signing secret is configured
          (<span className="mono">rapidadmin.signingSecret</span>) and <span className="mono">rapidadmin.allowUnsigned</span>{' '}
          is on: anyone who reaches this port can post people and print jobs. Enter the Signing Secret RapIDadmin generated.
        </p>
      )}
      {endpoint.printJobKey && (
        <p className="muted">
          Print jobs are identified by <span className="mono">{endpoint.printJobKey}</span>, else by PersonId + CardTemplateId.
        </p>
      )}
    </section>
  );
}
