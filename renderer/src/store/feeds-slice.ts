import type { ActivityEntry, FeedAlertView, FeedSettings, FeedsSnapshot, VerificationView } from '../../../shared/api/feeds';
import type { Result } from '../../../shared/api/result';
import type { AlertRules } from '../../../shared/idv/alert-rules';
import type { ConsoleState, SliceCreator } from './types';

/** RapIDadmin / EliteID activity, identity verifications, the alerts they raise, and their endpoints' settings. */
export interface FeedsSlice {
  feeds: FeedsSnapshot | undefined;
  feedsError: string | undefined;
  /** Feed actions on their way, by key: a second press does nothing. */
  feedBusy: Record<string, boolean>;
  refreshFeeds(): Promise<void>;
  /** The core says the feeds changed: fetched again, at most every REFRESH_MS. */
  feedsChanged(): void;
  /** Each resolves to the error to show, if any. */
  acknowledgeFeedAlert(id: string): Promise<string | undefined>;
  setVerificationAlertRules(rules: AlertRules | null): Promise<string | undefined>;
  fetchVerificationDetails(processId: string): Promise<string | undefined>;
}

const REFRESH_MS = 150;

export const feedAlertKey = (id: string) => `feed-alert:${id}`;
export const detailsKey = (processId: string) => `details:${processId}`;
export const RULES_KEY = 'alert-rules';

export const createFeedsSlice: SliceCreator<FeedsSlice> = (set, get, client) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;

  async function once<T>(key: string, action: () => Promise<Result<T>>, apply: (value: T) => void): Promise<string | undefined> {
    if (get().feedBusy[key]) return undefined;
    set((s) => ({ feedBusy: { ...s.feedBusy, [key]: true } }));
    try {
      const result = await action();
      if (!result.ok) return result.error.message;
      apply(result.value);
      return undefined;
    } finally {
      set((s) => {
        const { [key]: _done, ...rest } = s.feedBusy;
        return { feedBusy: rest };
      });
    }
  }

  const patch = (change: (f: FeedsSnapshot) => Partial<FeedsSnapshot>) =>
    set((s) => (s.feeds ? { feeds: { ...s.feeds, ...change(s.feeds) } } : {}));

  return {
    feeds: undefined,
    feedsError: undefined,
    feedBusy: {},
    async refreshFeeds() {
      const mine = ++generation;
      const result = await client.getFeeds({});
      // A slower answer to an older request must not replace a newer one.
      if (mine !== generation) return;
      if (result.ok) set({ feeds: result.value, feedsError: undefined });
      else set({ feedsError: result.error.message });
    },
    feedsChanged() {
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        void get().refreshFeeds();
      }, REFRESH_MS);
    },
    acknowledgeFeedAlert: (id) =>
      once(feedAlertKey(id), () => client.acknowledgeFeedAlert({ id }), (alert) =>
        patch((f) => ({ alerts: f.alerts.map((a) => (a.id === alert.id ? alert : a)) })),
      ),
    setVerificationAlertRules: (rules) =>
      once(RULES_KEY, () => client.setVerificationAlertRules({ rules }), (settings) => patch(() => ({ settings }))),
    fetchVerificationDetails: (processId) =>
      once(detailsKey(processId), () => client.fetchVerificationDetails({ processId }), (view) =>
        patch((f) => ({ verifications: f.verifications.map((v) => (v.processId === view.processId ? view : v)) })),
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
export const selectFeedBusy =
  (key: string) =>
  (s: ConsoleState): boolean =>
    s.feedBusy[key] === true;
