import { useConsole } from '../../store/context';
import { selectActivity } from '../../store/feeds-slice';
import { ShowMore } from '../../ui/ShowMore';
import { ActivityItem } from './ActivityItem';
import { RapidadminEndpoint } from './RapidadminEndpoint';

/** People, credentials and print jobs as RapIDadmin / EliteID report them, newest first. */
export function ActivityView() {
  const entries = useConsole(selectActivity);
  const error = useConsole((s) => s.feedsError);
  const more = useConsole((s) => s.feeds?.activityNext !== undefined);
  const loadMore = useConsole((s) => s.loadMoreActivity);
  return (
    <>
      <section className="panel activity" aria-labelledby="activity-title">
        <header className="panel-header">
          <h2 id="activity-title">People, cards and prints</h2>
          <span className="muted" aria-live="polite">
            {entries.length === 0 ? 'No event yet' : 'Newest first'}
          </span>
        </header>
        {error && <p className="error-text">Could not load the activity: {error}</p>}
        <p className="muted">EliteID API operations and bulk imports send no webhooks: this feed is not a full record.</p>
        {entries.length > 0 && (
          <ol className="activity-list" aria-label="Activity">
            {entries.map((e) => (
              <ActivityItem key={e.seq} entry={e} />
            ))}
          </ol>
        )}
        <ShowMore shown={entries.length} more={more} what="events" onMore={loadMore} />
      </section>
      <RapidadminEndpoint />
    </>
  );
}
