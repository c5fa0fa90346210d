import { translator } from '../../../shared/i18n/translate';
import { FEED_PAGE_SIZE, type ActivityEntry, type FeedAlertView, type FeedSettings, type FeedsSnapshot, type VerificationView } from '../../../shared/api/feeds';
import type { Result } from '../../../shared/api/result';
import type { AlertRules } from '../../../shared/idv/alert-rules';
import { actionKey, runAction, type Action } from './actions';
import { withFreshHead, withOlder, type KeysetList } from './keyset-list';
import { LatestRead } from './loads';
import { RefreshScheduler } from './refresh-scheduler';
import type { ConsoleState, SliceCreator } from './types';

/** RapIDadmin / EliteID activity, identity verifications, the alerts they raise, and their endpoints' settings. */
export interface FeedsSlice {
  /** The snapshot, whose activity and verifications hold the first page and what "Show more" added below it. */
  feeds: FeedsSnapshot | undefined;
  feedsError: string | undefined;
  /** Reads the snapshot again: the first pages are replaced, the older pages shown stay. */
  refreshFeeds(): Promise<void>;
  loadMoreActivity(): Promise<void>;
  loadMoreVerifications(): Promise<void>;
  /** The core says the feeds changed: fetched again, at most every REFRESH_MS. */
  feedsChanged(): void;
  /** Each resolves to whether the core took it; a refusal is posted to the one error path. */
  acknowledgeFeedAlert(id: string): Promise<boolean>;
  setVerificationAlertRules(rules: AlertRules | null): Promise<boolean>;
  fetchVerificationDetails(processId: string): Promise<boolean>;
}

const REFRESH_MS = 150;

const feedAlertSource = (s: ConsoleState, id: string) =>
  selectFeedAlerts(s).find((a) => a.id === id)?.source === 'idv' ? 'identity-verification' : 'RapIDadmin';

type Activity = KeysetList<ActivityEntry>;
type Verifications = KeysetList<VerificationView>;

const activityOf = (f: FeedsSnapshot): Activity => ({ rows: f.activity, next: f.activityNext });
const verificationsOf = (f: FeedsSnapshot): Verifications => ({ rows: f.verifications, next: f.verificationsNext });

/** The snapshot with these lists in it (a list's `next` is left out on its last page). */
function withLists(f: FeedsSnapshot, activity: Activity, verifications: Verifications): FeedsSnapshot {
  const { activityNext: _a, verificationsNext: _v, ...rest } = f;
  return {
    ...rest,
    activity: activity.rows,
    ...(activity.next !== undefined ? { activityNext: activity.next } : {}),
    verifications: verifications.rows,
    ...(verifications.next !== undefined ? { verificationsNext: verifications.next } : {}),
  };
}

/** A fresh snapshot over the one on screen: its first pages on top, the older pages a person opened below. */
function refreshed(shown: FeedsSnapshot | undefined, fresh: FeedsSnapshot): FeedsSnapshot {
  if (!shown) return fresh;
  return withLists(
    fresh,
    withFreshHead(activityOf(shown), activityOf(fresh), (e) => e.seq),
    withFreshHead(verificationsOf(shown), verificationsOf(fresh), (v) => v.processId),
  );
}

export const createFeedsSlice: SliceCreator<FeedsSlice> = (set, get, client) => {
  const reads = new LatestRead();
  const live = new RefreshScheduler(REFRESH_MS, () => get().refreshFeeds());

  async function run<T>(action: Action, call: () => Promise<Result<T>>, apply: (value: T) => void): Promise<boolean> {
    return (await runAction(set, get, action, call, apply))?.ok === true;
  }

  const patch = (change: (f: FeedsSnapshot) => Partial<FeedsSnapshot>) =>
    set((s) => (s.feeds ? { feeds: { ...s.feeds, ...change(s.feeds) } } : {}));

  return {
    feeds: undefined,
    feedsError: undefined,
    async refreshFeeds() {
      const read = reads.begin();
      const result = await client.getFeeds({});
      // A slower answer to an older request must not replace a newer one.
      if (!read.isCurrent()) return;
      if (!result.ok) return set({ feedsError: result.error.message });
      set((s) => ({ feeds: refreshed(s.feeds, result.value), feedsError: undefined }));
    },
    async loadMoreActivity() {
      const before = get().feeds?.activityNext;
      if (before === undefined) return;
      const result = await client.listActivity({ before, limit: FEED_PAGE_SIZE });
      if (!result.ok) return set({ feedsError: result.error.message });
      set((s) => (s.feeds ? { feeds: withLists(s.feeds, withOlder(activityOf(s.feeds), before, result.value), verificationsOf(s.feeds)) } : {}));
    },
    async loadMoreVerifications() {
      const before = get().feeds?.verificationsNext;
      if (before === undefined) return;
      const result = await client.listVerifications({ before, limit: FEED_PAGE_SIZE });
      if (!result.ok) return set({ feedsError: result.error.message });
      set((s) => (s.feeds ? { feeds: withLists(s.feeds, activityOf(s.feeds), withOlder(verificationsOf(s.feeds), before, result.value)) } : {}));
    },
    feedsChanged() {
      live.request();
    },
    acknowledgeFeedAlert: (id) =>
      run(
        { key: actionKey.feedAlert(id), label: translator(get().language)('actions:acknowledgeFeed', { source: feedAlertSource(get(), id) }) },
        () => client.acknowledgeFeedAlert({ id }),
        (alert) => patch((f) => ({ alerts: f.alerts.map((a) => (a.id === alert.id ? alert : a)) })),
      ),
    setVerificationAlertRules: (rules) =>
      run(
        { key: actionKey.verificationRules, label: translator(get().language)(rules ? 'actions:saveRules' : 'actions:fileRules') },
        () => client.setVerificationAlertRules({ rules }),
        (settings) => patch(() => ({ settings })),
      ),
    fetchVerificationDetails: (processId) =>
      run(
        { key: actionKey.verificationDetails(processId), label: translator(get().language)('actions:fetchResult', { process: processId }) },
        () => client.fetchVerificationDetails({ processId }),
        (view) => patch((f) => ({ verifications: f.verifications.map((v) => (v.processId === view.processId ? view : v)) })),
      ),
  };
};

const NO_ACTIVITY: ActivityEntry[] = [];
const NO_VERIFICATIONS: VerificationView[] = [];
const NO_ALERTS: FeedAlertView[] = [];

export const selectActivity = (s: ConsoleState): ActivityEntry[] => s.feeds?.activity ?? NO_ACTIVITY;
export const selectVerifications = (s: ConsoleState): VerificationView[] => s.feeds?.verifications ?? NO_VERIFICATIONS;
export const selectFeedAlerts = (s: ConsoleState): FeedAlertView[] => s.feeds?.alerts ?? NO_ALERTS;
export const selectFeedSettings = (s: ConsoleState): FeedSettings | undefined => s.feeds?.settings;
/** Alerts nobody has acknowledged yet, oldest first: the order they call for attention. */
export const selectOpenFeedAlerts = (s: ConsoleState): FeedAlertView[] => selectFeedAlerts(s).filter((a) => !a.acknowledgedAt).reverse();
