/**
 * The only bridge between the sandboxed page and the core: named ConsoleApi methods, each on its own IPC channel,
 * never a generic `invoke`. Built as CommonJS (a sandboxed preload cannot be an ES module) and importing nothing but
 * `electron` (a sandboxed preload can require little else): the contract comes in as types only. Arguments are
 * validated on the main side, against the contract's schemas, before the core sees them.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ConsoleApi, ConsoleEvent, MethodName } from '../shared/api/contract';

type BridgeApi = ConsoleApi & { onEvent(listener: (event: ConsoleEvent) => void): () => void };

/** Every ConsoleApi method. A method added to the contract and missing here fails the type check below. */
const METHODS = [
  'getSnapshot',
  'listJobs',
  'resume',
  'stop',
  'startIssuance',
  'abort',
  'listReviews',
  'listReviewInspections',
  'decide',
  'retryCommand',
  'listAlertHistory',
  'acknowledgeAlert',
  'listAudit',
  'exportAudit',
  'listAuditEvents',
  'exportAuditEvents',
  'silenceReminder',
  'listPinRefusals',
  'getJobDetail',
  'listDeliveries',
  'getDelivery',
  'trainingAction',
  'getSettings',
  'setSetting',
  'resetSetting',
  'getBackupStatus',
  'backUpNow',
  'getStorage',
  'machineSessions',
  'reviewSnapshot',
  'getFeeds',
  'listActivity',
  'listVerifications',
  'acknowledgeFeedAlert',
  'setVerificationAlertRules',
  'fetchVerificationDetails',
  'getSession',
  'signIn',
  'signOut',
  'lockStation',
  'changeOwnPin',
  'setOwnLanguage',
  'createFirstAccount',
  'listAccounts',
  'createAccount',
  'updateAccount',
  'resetPin',
  'clearLock',
  'productionSummary',
  'productionDowntime',
  'productionSeries',
  'listShiftReports',
  'shiftReport',
  'saveHandOverNote',
  'signOffShift',
  'exportShiftReport',
  'saveShiftReportPdf',
  'shelveAlert',
  'unshelveAlert',
  'alarmKpis',
  'testAlarm',
] as const satisfies readonly MethodName[];
type AssertNone<T extends never> = T;
/** Fails to compile when the contract has a method this list lacks. */
type _EveryMethodListed = AssertNone<Exclude<MethodName, (typeof METHODS)[number]>>;

const invoke = (name: MethodName) => (params: unknown) => ipcRenderer.invoke(`console:${name}`, params);

const api: BridgeApi = {
  ...(Object.fromEntries(METHODS.map((name) => [name, invoke(name)])) as unknown as ConsoleApi),
  onEvent(listener) {
    const handler = (_event: IpcRendererEvent, payload: ConsoleEvent) => listener(payload);
    ipcRenderer.on('console:event', handler);
    return () => ipcRenderer.off('console:event', handler);
  },
};

contextBridge.exposeInMainWorld('issuanceConsole', api);
