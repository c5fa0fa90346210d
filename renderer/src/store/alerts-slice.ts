import type { AlertView } from '../../../shared/api/alerts';
import type { CommandView } from '../../../shared/api/views';
import { runOnce } from './reviews-slice';
import type { ConsoleState, SliceCreator } from './types';

export interface AlertsSlice {
  /** Open alerts, oldest first, as the core pushes them. */
  alerts: AlertView[];
  /** Open and closed alerts, newest first, with who acted on each: fetched when the history view opens. */
  alertHistory: AlertView[];
  receiveAlerts(alerts: AlertView[]): void;
  loadAlertHistory(): Promise<string | undefined>;
  /** Closes a non-blocking alert (silence, unreachable, stopped…); a suspension closes only when the machine moves. */
  acknowledgeAlert(alertId: number): Promise<string | undefined>;
}

const HISTORY_LIMIT = 200;

export const alertBusyKey = (alertId: number) => `alert:${alertId}`;

export const createAlertsSlice: SliceCreator<AlertsSlice> = (set, get, client) => ({
  alerts: [],
  alertHistory: [],
  receiveAlerts(alerts) {
    set({ alerts });
  },
  async loadAlertHistory() {
    const result = await client.listAlertHistory({ limit: HISTORY_LIMIT });
    if (!result.ok) return result.error.message;
    set({ alertHistory: result.value });
    return undefined;
  },
  acknowledgeAlert(alertId) {
    return runOnce(set, get, alertBusyKey(alertId), async () => {
      const result = await client.acknowledgeAlert({ alertId });
      if (result.ok) get().receiveAlerts(result.value);
      return result;
    });
  },
});

export const selectAlertBusy =
  (alertId: number) =>
  (s: ConsoleState): boolean =>
    s.busy[alertBusyKey(alertId)] === true;

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
