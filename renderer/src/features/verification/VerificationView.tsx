import { useT } from '../../i18n/use-t';
import { useConsole } from '../../store/context';
import { selectVerifications } from '../../store/feeds-slice';
import { ShowMore } from '../../ui/ShowMore';
import { AlertRulesEditor } from './AlertRulesEditor';
import { IdvEndpoint } from './IdvEndpoint';
import { VerificationCard } from './VerificationCard';

/** Applicants' identity verifications, most recently reported first, with the jobs each one gates. */
export function VerificationView() {
  const t = useT();
  const verifications = useConsole(selectVerifications);
  const canFetch = useConsole((s) => s.feeds?.settings.idv.getProcess === true);
  const error = useConsole((s) => s.feedsError);
  const more = useConsole((s) => s.feeds?.verificationsNext !== undefined);
  const loadMore = useConsole((s) => s.loadMoreVerifications);
  return (
    <>
      <section className="panel verifications" aria-labelledby="verifications-title">
        <header className="panel-header">
          <h2 id="verifications-title">{t('verification:title')}</h2>
          <span className="muted" aria-live="polite">
            {verifications.length === 0 ? t('verification:noneYet') : t('verification:recentFirst')}
          </span>
        </header>
        {error && <p className="error-text">{t('verification:loadFailed', { error })}</p>}
        {verifications.length > 0 && (
          <ol className="verification-list" aria-label={t('verification:listLabel')}>
            {verifications.map((v) => (
              <VerificationCard key={v.processId} verification={v} canFetch={canFetch} />
            ))}
          </ol>
        )}
        <ShowMore shown={verifications.length} more={more} what={t('verification:verifications')} onMore={loadMore} />
      </section>
      <IdvEndpoint />
      <AlertRulesEditor />
    </>
  );
}
