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
      ) : (
        <p className="endpoint-warning" role="alert">
          <span aria-hidden="true">⚠</span> <strong>Unauthenticated endpoint.</strong> No API key or Basic credentials are
          configured (<span className="mono">idv.auth</span>): anyone who reaches this port can post verification results.
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
