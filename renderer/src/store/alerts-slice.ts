import { translator } from '../../../shared/i18n/translate';
import type { AlertView } from '../../../shared/api/alerts';
import type { CommandView } from '../../../shared/api/views';
import { actionKey, runAction } from './actions';
import { emptyList, withFreshHead, withOlder, type KeysetList } from './keyset-list';
import { LatestRead } from './loads';
import type { ConsoleState, SliceCreator } from './types';

export interface AlertsSlice {
  /** Open alerts, oldest first, as the core pushes them. */
  alerts: AlertView[];
  /** Open and closed alerts, newest first, with who acted on each: the first page when the history view opens, then more on request. */
  alertHistory: KeysetList<AlertView>;
  /** Why the history could not be read, if it could not. */
  alertHistoryError: string | undefined;
  receiveAlerts(alerts: AlertView[]): void;
  /** Reads the first page again, keeping the older pages already shown. */
  loadAlertHistory(): Promise<void>;
  loadMoreAlertHistory(): Promise<void>;
  /** Closes a non-blocking alert (silence, unreachable, stopped…); a suspension closes only when the machine moves. */
  acknowledgeAlert(alertId: number): Promise<boolean>;
  /** The station silenced its reminder sound: the core records who (anyone may, even with nobody signed in). */
  recordSilenced(alertIds: number[]): Promise<void>;
}

export const ALERT_HISTORY_PAGE = 50;

export const createAlertsSlice: SliceCreator<AlertsSlice> = (set, get, client) => {
  const reads = new LatestRead();
  return {
    alerts: [],
    alertHistory: emptyList(),
    alertHistoryError: undefined,
    receiveAlerts(alerts) {
      set({ alerts });
    },
    async loadAlertHistory() {
      const read = reads.begin();
      const result = await client.listAlertHistory({ limit: ALERT_HISTORY_PAGE });
      if (!read.isCurrent()) return;
      set((s) =>
        result.ok
          ? { alertHistory: withFreshHead(s.alertHistory, result.value, (a) => a.id), alertHistoryError: undefined }
          : { alertHistoryError: result.error.message },
      );
    },
    async loadMoreAlertHistory() {
      const before = get().alertHistory.next;
      if (before === undefined) return;
      const result = await client.listAlertHistory({ before, limit: ALERT_HISTORY_PAGE });
      set((s) =>
        result.ok
          ? { alertHistory: withOlder(s.alertHistory, before, result.value), alertHistoryError: undefined }
          : { alertHistoryError: result.error.message },
      );
    },
    async acknowledgeAlert(alertId) {
      const alert = get().alerts.find((a) => a.id === alertId);
      const action = { key: actionKey.alert(alertId), label: alert ? translator(get().language)('actions:acknowledgeOn', { machine: alert.machineLabel }) : translator(get().language)('actions:acknowledge') };
      const result = await runAction(set, get, action, () => client.acknowledgeAlert({ alertId }), (active) => get().receiveAlerts(active));
      return result?.ok === true;
    },
    async recordSilenced(alertIds) {
      // The sound is this screen's and is already off: a record the core could not make is no reason to sound again.
      await client.silenceReminder({ alertIds });
    },
  };
};

/** Suspended machines' alerts: what the single-key shortcuts act on, and only when there is exactly one. */
export const selectSuspensionAlerts = (s: ConsoleState): AlertView[] => s.alerts.filter((a) => a.kind === 'suspension');

const ISSUANCE_KINDS: readonly CommandView['kind'][] = ['resume', 'stop', 'abort'];

/**
 * The newest Resume / Stop / Abort sent for a machine since its alert opened: older commands answered an earlier
 * alert and would mislead. Commands are newest first.
 */
export const selectAlertCommand =
  (alert: Pick<AlertView, 'machineId' | 'openedAt'>) =>
  (s: ConsoleState): CommandView | undefined =>
    s.commands.find((c) => c.machineId === alert.machineId && ISSUANCE_KINDS.includes(c.kind) && c.createdAt >= alert.openedAt);
