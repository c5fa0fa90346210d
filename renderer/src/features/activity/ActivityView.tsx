import { useT } from '../../i18n/use-t';
import { useConsole } from '../../store/context';
import { selectActivity } from '../../store/feeds-slice';
import { ShowMore } from '../../ui/ShowMore';
import { ActivityItem } from './ActivityItem';
import { RapidadminEndpoint } from './RapidadminEndpoint';

/** People, credentials and print jobs as RapIDadmin / EliteID report them, newest first. */
export function ActivityView() {
  const t = useT();
  const entries = useConsole(selectActivity);
  const error = useConsole((s) => s.feedsError);
  const more = useConsole((s) => s.feeds?.activityNext !== undefined);
  const loadMore = useConsole((s) => s.loadMoreActivity);
  return (
    <>
      <section className="panel activity" aria-labelledby="activity-title">
        <header className="panel-header">
          <h2 id="activity-title">{t('activity:title')}</h2>
          <span className="muted" aria-live="polite">
            {entries.length === 0 ? t('activity:noEvent') : t('activity:newestFirst')}
          </span>
        </header>
        {error && <p className="error-text">{t('activity:loadFailed', { error })}</p>}
        <p className="muted">{t('activity:notFull')}</p>
        {entries.length > 0 && (
          <ol className="activity-list" aria-label={t('activity:listLabel')}>
            {entries.map((e) => (
              <ActivityItem key={e.seq} entry={e} />
            ))}
          </ol>
        )}
        <ShowMore shown={entries.length} more={more} what={t('activity:events')} onMore={loadMore} />
      </section>
      <RapidadminEndpoint />
    </>
  );
}
