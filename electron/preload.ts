/**
 * The only bridge between the sandboxed page and the core: named ConsoleApi methods, each on its own IPC channel.
 * Built as CommonJS (a sandboxed preload cannot be an ES module). Arguments are validated again on the main side.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ConsoleApi, ConsoleEvent } from '../shared/api/contract';

type BridgeApi = ConsoleApi & { onEvent(listener: (event: ConsoleEvent) => void): () => void };

const call =
  <M extends keyof ConsoleApi>(name: M) =>
  (params: Parameters<ConsoleApi[M]>[0]) =>
    ipcRenderer.invoke(`console:${name}`, params) as ReturnType<ConsoleApi[M]>;

const api: BridgeApi = {
  getSnapshot: call('getSnapshot'),
  listJobs: call('listJobs'),
  resume: call('resume'),
  stop: call('stop'),
  startIssuance: call('startIssuance'),
  loadTrainingCards: call('loadTrainingCards'),
  abort: call('abort'),
  listReviews: call('listReviews'),
  decide: call('decide'),
  retryCommand: call('retryCommand'),
  listAlertHistory: call('listAlertHistory'),
  acknowledgeAlert: call('acknowledgeAlert'),
  listAudit: call('listAudit'),
  exportAudit: call('exportAudit'),
  getJobDetail: call('getJobDetail'),
  listDeliveries: call('listDeliveries'),
  getDelivery: call('getDelivery'),
  getFeeds: call('getFeeds'),
  acknowledgeFeedAlert: call('acknowledgeFeedAlert'),
  setVerificationAlertRules: call('setVerificationAlertRules'),
  fetchVerificationDetails: call('fetchVerificationDetails'),
  onEvent(listener) {
    const handler = (_event: IpcRendererEvent, payload: ConsoleEvent) => listener(payload);
    ipcRenderer.on('console:event', handler);
    return () => ipcRenderer.off('console:event', handler);
  },
};

contextBridge.exposeInMainWorld('issuanceConsole', api);
