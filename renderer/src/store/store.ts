import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ConsoleClient } from '../../../shared/api/contract';
import { createActionsSlice } from './actions';
import { createAlertsSlice } from './alerts-slice';
import { createAuditEventsSlice } from './audit-events-slice';
import { createAuditSlice } from './audit-slice';
import { createBackupSlice } from './backup-slice';
import { createCommandsSlice } from './commands-slice';
import { createDeliveriesSlice } from './deliveries-slice';
import { createDisplaySlice } from './display-slice';
import { createErrorsSlice } from './errors-slice';
import { createFeedsSlice } from './feeds-slice';
import { createFindJobSlice } from './find-job-slice';
import { createJobsSlice } from './jobs-slice';
import { createLocaleSlice } from './locale-slice';
import { createMachinesSlice } from './machines-slice';
import { createPeopleSlice } from './people-slice';
import { readEverything } from './read-again';
import { createProductionSlice } from './production-slice';
import { createReviewsSlice } from './reviews-slice';
import { createSessionSlice } from './session-slice';
import { createSettingsSlice } from './settings-slice';
import { createHealthSlice } from './health-slice';
import { createStorageSlice } from './storage-slice';
import { createTrainingSlice } from './training-slice';
import type { ConsoleState } from './types';

export type ConsoleStore = StoreApi<ConsoleState>;

/** The UI's state, fed by the transport's events; components read it and call its actions, never the transport. */
export function createConsoleStore(client: ConsoleClient): ConsoleStore {
  const store = createStore<ConsoleState>()((set, get) => ({
    ...createSessionSlice(set, get, client),
    ...createLocaleSlice(set, get, client),
    ...createDisplaySlice(set, get, client),
    ...createActionsSlice(set, get, client),
    ...createErrorsSlice(set, get, client),
    ...createMachinesSlice(set, get, client),
    ...createJobsSlice(set, get, client),
    ...createFindJobSlice(set, get, client),
    ...createCommandsSlice(set, get, client),
    ...createAlertsSlice(set, get, client),
    ...createAuditSlice(set, get, client),
    ...createAuditEventsSlice(set, get, client),
    ...createReviewsSlice(set, get, client),
    ...createDeliveriesSlice(set, get, client),
    ...createSettingsSlice(set, get, client),
    ...createBackupSlice(set, get, client),
    ...createStorageSlice(set, get, client),
    ...createFeedsSlice(set, get, client),
    ...createTrainingSlice(set, get, client),
    ...createPeopleSlice(set, get, client),
    ...createProductionSlice(set, get, client),
    ...createHealthSlice(set, get, client),
  }));
  const state = store.getState;
  client.onEvent((event) => {
    switch (event.type) {
      case 'machines':
        state().receiveMachines(event.machines);
        break;
      case 'jobs':
        state().jobsChanged(event.jobs);
        break;
      case 'commands':
        state().receiveCommands(event.commands);
        state().auditChanged();
        break;
      case 'training':
        state().receiveTraining(event.training);
        break;
      case 'reviews':
        state().receiveReviews(event.queue);
        break;
      case 'alerts':
        state().receiveAlerts(event.active, event.summary);
        break;
      case 'deliveries':
        state().receiveRejectedTotal(event.rejectedTotal);
        break;
      case 'audit':
        state().auditChanged();
        state().auditEventsChanged();
        break;
      case 'settings':
        state().receiveSettings(event.settings);
        break;
      case 'backup':
        state().receiveBackup(event.backup);
        break;
      case 'projection':
        state().receiveRebuild(event.rebuilding ?? undefined);
        break;
      case 'feeds':
        state().feedsChanged();
        break;
      case 'session':
        state().receiveAuth(event.session);
        break;
    }
  });
  client.onConnection((connected) => {
    state().setConnected(connected);
    if (connected) readEverything(state());
  });
  return store;
}
