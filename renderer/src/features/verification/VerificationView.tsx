import { useConsole } from '../../store/context';
import { selectVerifications } from '../../store/feeds-slice';
import { ShowMore } from '../../ui/ShowMore';
import { AlertRulesEditor } from './AlertRulesEditor';
import { IdvEndpoint } from './IdvEndpoint';
import { VerificationCard } from './VerificationCard';

/** Applicants' identity verifications, most recently reported first, with the jobs each one gates. */
export function VerificationView() {
  const verifications = useConsole(selectVerifications);
  const canFetch = useConsole((s) => s.feeds?.settings.idv.getProcess === true);
  const error = useConsole((s) => s.feedsError);
  const more = useConsole((s) => s.feeds?.verificationsNext !== undefined);
  const loadMore = useConsole((s) => s.loadMoreVerifications);
  return (
    <>
      <section className="panel verifications" aria-labelledby="verifications-title">
        <header className="panel-header">
          <h2 id="verifications-title">Identity verifications</h2>
          <span className="muted" aria-live="polite">
            {verifications.length === 0 ? 'None received yet' : 'Most recently reported first'}
          </span>
        </header>
        {error && <p className="error-text">Could not load verifications: {error}</p>}
        {verifications.length > 0 && (
          <ol className="verification-list" aria-label="Verifications">
            {verifications.map((v) => (
              <VerificationCard key={v.processId} verification={v} canFetch={canFetch} />
            ))}
          </ol>
        )}
        <ShowMore shown={verifications.length} more={more} what="verifications" onMore={loadMore} />
      </section>
      <IdvEndpoint />
      <AlertRulesEditor />
    </>
  );
}
