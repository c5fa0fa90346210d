import { useConsole } from '../../store/context';

const AUTH_WORDS = { signature: 'signature', 'api-key': 'API-key header', basic: 'Basic credentials' } as const;

/** Where the verification service posts, and how the console knows it is the service. */
export function IdvEndpoint() {
  const endpoint = useConsole((s) => s.feeds?.settings.idv);
  if (!endpoint) return null;
  const httpsUrl = endpoint.urls.find((u) => u.startsWith('https://'));
  return (
    <section className="panel endpoint" aria-labelledby="idv-endpoint-title">
      <h2 id="idv-endpoint-title">Identity-verification webhooks</h2>
      <p className="endpoint-urls">
        Webhook URL:{' '}
        {endpoint.urls.map((u) => (
          <span key={u} className="mono">
            {u}
          </span>
        ))}
      </p>
      {endpoint.auth.length > 0 ? (
        <p className="endpoint-ok">
          <span aria-hidden="true">✓</span> Deliveries must present the configured {endpoint.auth.map((a) => AUTH_WORDS[a]).join(' or ')}.
        </p>
      ) : endpoint.unauthenticated === 'refused' ? (
        <p className="endpoint-warning" role="alert">
          <span aria-hidden="true">✕</span> <strong>Deliveries are refused.</strong> No API key or Basic credentials are
          configured (<span className="mono">idv.auth</span>): every delivery gets 401 and is not shown. Configure the
          credentials the service sends, or set <span className="mono">idv.allowUnauthenticated: true</span> to accept
          unauthenticated deliveries.
        </p>
      ) : endpoint.unauthenticated === 'loopback-only' ? (
        <p className="endpoint-warning">
          <span aria-hidden="true">ⓘ</span> <strong>Training mode.</strong> No credentials are configured: deliveries are
          accepted from this computer only, and refused from anywhere else.
        </p>
      ) : (
        <p className="endpoint-warning" role="alert">
          <span aria-hidden="true">⚠</span> <strong>Unauthenticated endpoint.</strong> No API key or Basic credentials are
          configured (<span className="mono">idv.auth</span>) and <span className="mono">idv.allowUnauthenticated</span> is
          on: anyone who reaches this port can post verification results.
        </p>
      )}
      {!httpsUrl && (
        <p className="muted">
          The vendor delivers only to HTTPS URLs: configure <span className="mono">webhook.tls</span> or put a reverse proxy in
          front of this port.
        </p>
      )}
      <p className="muted">
        Jobs are linked by their CorrelationId
        {endpoint.linkMetadataKey ? (
          <>
            {' '}
            or AdditionalMetadata <span className="mono">{endpoint.linkMetadataKey}</span>
          </>
        ) : null}
        .{endpoint.getProcess ? ' GetProcess is configured: full results can be fetched.' : ''}
      </p>
    </section>
  );
}
