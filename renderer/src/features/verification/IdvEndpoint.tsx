import { useT } from '../../i18n/use-t';
import { useConsole } from '../../store/context';
import { CodeText } from '../../ui/CodeText';

const AUTH_KEY = { signature: 'signature', 'api-key': 'apiKey', basic: 'basic' } as const;

/** Where the verification service posts, and how the console knows it is the service. */
export function IdvEndpoint() {
  const t = useT();
  const endpoint = useConsole((s) => s.feeds?.settings.idv);
  if (!endpoint) return null;
  const httpsUrl = endpoint.urls.find((u) => u.startsWith('https://'));
  const auth = endpoint.auth.map((a) => t(`verification:endpoint.auth.${AUTH_KEY[a]}`)).join(t('verification:endpoint.auth.or'));
  return (
    <section className="panel endpoint" aria-labelledby="idv-endpoint-title">
      <h2 id="idv-endpoint-title">{t('verification:endpoint.title')}</h2>
      <p className="endpoint-urls">
        {t('verification:endpoint.url')}{' '}
        {endpoint.urls.map((u) => (
          <span key={u} className="mono">
            {u}
          </span>
        ))}
      </p>
      {endpoint.auth.length > 0 ? (
        <p className="endpoint-ok">
          <span aria-hidden="true">✓</span> {t('verification:endpoint.present', { auth })}
        </p>
      ) : endpoint.unauthenticated === 'refused' ? (
        <p className="endpoint-warning" role="alert">
          <span aria-hidden="true">✕</span> <strong>{t('verification:endpoint.refusedHead')}</strong>{' '}
          <CodeText text={t('verification:endpoint.refused')} />
        </p>
      ) : endpoint.unauthenticated === 'loopback-only' ? (
        <p className="endpoint-warning">
          <span aria-hidden="true">ⓘ</span> <strong>{t('verification:endpoint.trainingHead')}</strong> {t('verification:endpoint.training')}
        </p>
      ) : (
        <p className="endpoint-warning" role="alert">
          <span aria-hidden="true">⚠</span> <strong>{t('verification:endpoint.openHead')}</strong>{' '}
          <CodeText text={t('verification:endpoint.open')} />
        </p>
      )}
      {!httpsUrl && (
        <p className="muted">
          <CodeText text={t('verification:endpoint.https')} />
        </p>
      )}
      <p className="muted">
        <CodeText
          text={
            endpoint.linkMetadataKey ? t('verification:endpoint.linkedOr', { key: endpoint.linkMetadataKey }) : t('verification:endpoint.linked')
          }
        />
        {endpoint.getProcess ? ` ${t('verification:endpoint.getProcess')}` : ''}
      </p>
    </section>
  );
}
