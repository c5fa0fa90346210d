import type { ViewId } from '../app/navigation';
import type { ConsoleState } from './types';

/**
 * The lists a view reads when it opens, read again if the view is on screen at a reconnection. The alert history
 * and the recent reviews need no entry: they follow the open alerts and the queue, which the snapshot replaces.
 */
const VIEW_LISTS: Partial<Record<ViewId, (s: ConsoleState) => void>> = {
  // Each re-reads only once its list has been read.
  audit: (s) => (s.auditChanged(), s.auditEventsChanged()),
  deliveries: (s) => void s.loadRejected(),
  people: (s) => void s.loadAccounts(),
};

/**
 * Everything the page shows, read again after a connection (the first, or one back after an outage): the events
 * missed meanwhile are not replayed. Views not on screen read theirs when they open.
 */
export function readEverything(s: ConsoleState): void {
  void s.loadSnapshot();
  // Settings too: their problems are shown on every screen.
  void s.loadSettings();
  // RapIDadmin activity and verifications: their alerts show on every screen.
  void s.refreshFeeds();
  // Who is signed in here: the UI shows read-only until someone is, where sign-in is required.
  void s.loadAuth();
  if (s.settingsOpen) {
    void s.loadStorage();
    void s.loadBackup();
  } else {
    VIEW_LISTS[s.view]?.(s);
  }
}
