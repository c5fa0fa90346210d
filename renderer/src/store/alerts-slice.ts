import type { AlarmKpis, AlarmSummary, AlertView } from '../../../shared/api/alerts';
import type { Credential } from '../../../shared/api/people';
import type { CommandView } from '../../../shared/api/views';
import { translator } from '../../../shared/i18n/translate';
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
  /** How many are shelved, and the flood while there is one: the core's count, beside the alerts. */
  alarmSummary: AlarmSummary;
  /** The alarm figures of the history view (the last 7 days), and why they could not be read. */
  alarmKpis: AlarmKpis | undefined;
  alarmKpisError: string | undefined;
  receiveAlerts(alerts: AlertView[], summary?: AlarmSummary): void;
  /** Reads the first page again, keeping the older pages already shown. */
  loadAlertHistory(): Promise<void>;
  loadMoreAlertHistory(): Promise<void>;
  /** Closes a non-blocking alert (silence, unreachable, stopped…); a suspension closes only when the machine moves. */
  acknowledgeAlert(alertId: number): Promise<boolean>;
  /** The station silenced its reminder sound: the core records who (anyone may, even with nobody signed in). */
  recordSilenced(alertIds: number[]): Promise<void>;
  /** Takes a notice out of the band for a while; the core decides who may and which alerts (never a suspension). */
  shelveAlert(alertId: number, minutes: number, reason: string, proof?: ShelveProof): Promise<boolean>;
  unshelveAlert(alertId: number, proof?: ShelveProof): Promise<boolean>;
  /** Records the start-of-shift test with the core; true when the page should now play the sounds. */
  testAlarm(): Promise<boolean>;
  loadAlarmKpis(): Promise<void>;
}

/** What a shelve carries when the core asks for a supervisor: the shared PIN, or a supervisor's own credential. */
export interface ShelveProof {
  pin?: string;
  supervisor?: Credential;
}

export const NO_SUMMARY: AlarmSummary = { shelved: 0 };

export const ALERT_HISTORY_PAGE = 50;

export const createAlertsSlice: SliceCreator<AlertsSlice> = (set, get, client) => {
  const reads = new LatestRead();
  return {
    alerts: [],
    alertHistory: emptyList(),
    alertHistoryError: undefined,
    alarmSummary: NO_SUMMARY,
    alarmKpis: undefined,
    alarmKpisError: undefined,
    receiveAlerts(alerts, summary) {
      set(summary ? { alerts, alarmSummary: summary } : { alerts });
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
      const t = translator(get().language);
      const action = { key: actionKey.alert(alertId), label: t('band:action.acknowledge', { machine: alert?.machineLabel ?? '' }) };
      const result = await runAction(set, get, action, () => client.acknowledgeAlert({ alertId }), (active) => get().receiveAlerts(active));
      return result?.ok === true;
    },
    async recordSilenced(alertIds) {
      // The sound is this screen's and is already off: a record the core could not make is no reason to sound again.
      await client.silenceReminder({ alertIds });
    },
    async shelveAlert(alertId, minutes, reason, proof) {
      const action = { key: actionKey.shelve(alertId), label: translator(get().language)('band:action.shelve') };
      const call = () => client.shelveAlert({ id: alertId, minutes, reason, ...proof });
      return (await runAction(set, get, action, call, (active) => get().receiveAlerts(active)))?.ok === true;
    },
    async unshelveAlert(alertId, proof) {
      const action = { key: actionKey.shelve(alertId), label: translator(get().language)('band:action.unshelve') };
      const call = () => client.unshelveAlert({ id: alertId, ...proof });
      return (await runAction(set, get, action, call, (active) => get().receiveAlerts(active)))?.ok === true;
    },
    async testAlarm() {
      const action = { key: actionKey.alarmTest, label: translator(get().language)('band:action.testAlarm') };
      return (await runAction(set, get, action, () => client.testAlarm({})))?.ok === true;
    },
    async loadAlarmKpis() {
      const result = await client.alarmKpis({});
      set(result.ok ? { alarmKpis: result.value, alarmKpisError: undefined } : { alarmKpisError: result.error.message });
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
