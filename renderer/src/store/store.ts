import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ConsoleClient } from '../../../shared/api/contract';
import { createCommandsSlice } from './commands-slice';
import { createJobsSlice } from './jobs-slice';
import { createMachinesSlice } from './machines-slice';
import { createSessionSlice } from './session-slice';
import type { ConsoleState } from './types';

export type ConsoleStore = StoreApi<ConsoleState>;

/** The UI's state, fed by the transport's events; components read it and call its actions, never the transport. */
export function createConsoleStore(client: ConsoleClient): ConsoleStore {
  const store = createStore<ConsoleState>()((set, get) => ({
    ...createSessionSlice(set, get, client),
    ...createMachinesSlice(set, get, client),
    ...createJobsSlice(set, get, client),
    ...createCommandsSlice(set, get, client),
  }));
  const state = store.getState;
  client.onEvent((event) => {
    switch (event.type) {
      case 'machines':
        state().receiveMachines(event.machines);
        break;
      case 'jobs':
        state().jobsChanged();
        break;
      case 'commands':
        state().receiveCommands(event.commands);
        break;
      case 'training':
        state().receiveTraining(event.training);
        break;
    }
  });
  client.onConnection((connected) => {
    state().setConnected(connected);
    // What changed while disconnected is not replayed: load it all again.
    if (connected) void state().loadSnapshot();
  });
  return store;
}
