import type { ActivityEntry, FeedAlertView, FeedSettings, FeedsSnapshot, VerificationView } from '../../../shared/api/feeds';
import type { Result } from '../../../shared/api/result';
import type { AlertRules } from '../../../shared/idv/alert-rules';
import { actionKey, runAction, type Action } from './actions';
import { LatestRead } from './loads';
import { RefreshScheduler } from './refresh-scheduler';
import type { ConsoleState, SliceCreator } from './types';

/** RapIDadmin / EliteID activity, identity verifications, the alerts they raise, and their endpoints' settings. */
export interface FeedsSlice {
  feeds: FeedsSnapshot | undefined;
  feedsError: string | undefined;
  refreshFeeds(): Promise<void>;
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
      set(result.ok ? { feeds: result.value, feedsError: undefined } : { feedsError: result.error.message });
    },
    feedsChanged() {
      live.request();
    },
    acknowledgeFeedAlert: (id) =>
      run(
        { key: actionKey.feedAlert(id), label: `Acknowledge the ${feedAlertSource(get(), id)} alert` },
        () => client.acknowledgeFeedAlert({ id }),
        (alert) => patch((f) => ({ alerts: f.alerts.map((a) => (a.id === alert.id ? alert : a)) })),
      ),
    setVerificationAlertRules: (rules) =>
      run(
        { key: actionKey.verificationRules, label: rules ? 'Save the verification alert rules' : "Return to the config file's rules" },
        () => client.setVerificationAlertRules({ rules }),
        (settings) => patch(() => ({ settings })),
      ),
    fetchVerificationDetails: (processId) =>
      run(
        { key: actionKey.verificationDetails(processId), label: `Fetch the full result — ${processId}` },
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
