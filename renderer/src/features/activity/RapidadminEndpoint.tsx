import { useT } from '../../i18n/use-t';
import { useConsole } from '../../store/context';
import { CodeText } from '../../ui/CodeText';

/** Where RapIDadmin posts, and whether the console can tell its deliveries from anyone else's. */
export function RapidadminEndpoint() {
  const t = useT();
  const endpoint = useConsole((s) => s.feeds?.settings.rapidadmin);
  if (!endpoint) return null;
  const signed = endpoint.auth.includes('signature');
  return (
    <section className="panel endpoint" aria-labelledby="rapidadmin-endpoint-title">
      <h2 id="rapidadmin-endpoint-title">{t('activity:endpoint.title')}</h2>
      <p className="endpoint-urls">
        {t('activity:endpoint.url')}{' '}
        {endpoint.urls.map((u) => (
          <span key={u} className="mono">
            {u}
          </span>
        ))}
      </p>
      {signed ? (
        <p className="endpoint-ok">
          <span aria-hidden="true">✓</span> {t('activity:endpoint.signed')}
        </p>
      ) : endpoint.unauthenticated === 'refused' ? (
        <p className="endpoint-warning" role="alert">
          <span aria-hidden="true">✕</span> <strong>{t('activity:endpoint.refusedHead')}</strong>{' '}
          <CodeText text={t('activity:endpoint.refused')} />
        </p>
      ) : endpoint.unauthenticated === 'loopback-only' ? (
        <p className="endpoint-warning">
          <span aria-hidden="true">ⓘ</span> <strong>{t('activity:endpoint.trainingHead')}</strong> {t('activity:endpoint.training')}
        </p>
      ) : (
        <p className="endpoint-warning" role="alert">
          <span aria-hidden="true">⚠</span> <strong>{t('activity:endpoint.openHead')}</strong> <CodeText text={t('activity:endpoint.open')} />
        </p>
      )}
      {endpoint.printJobKey && (
        <p className="muted">
          <CodeText text={t('activity:endpoint.printJobKey', { key: endpoint.printJobKey })} />
        </p>
      )}
    </section>
  );
}
