import type { TrainingAction, TrainingMachine, TrainingScenario, TrainingView } from '../../../shared/api/views';
import type { ConsoleState, SliceCreator } from './types';

export interface TrainingSlice {
  /** The simulated machines and the scenarios they can play; undefined outside training mode. */
  training: TrainingView | undefined;
  /** The trainee action on its way, as `${machineId}:${action}`: a second press meanwhile does nothing. */
  trainingBusy: string | undefined;
  trainingError: string | undefined;
  receiveTraining(training: TrainingView): void;
  /** What the trainee does at a simulated machine: load cards, close the cover, clear a jam, choose a scenario. */
  trainingAction(action: TrainingAction): Promise<void>;
}

export const createTrainingSlice: SliceCreator<TrainingSlice> = (set, get, client) => ({
  training: undefined,
  trainingBusy: undefined,
  trainingError: undefined,
  receiveTraining(training) {
    set({ training });
  },
  async trainingAction(action) {
    if (get().trainingBusy) return;
    set({ trainingBusy: `${action.machineId}:${action.action}`, trainingError: undefined });
    try {
      const result = await client.trainingAction(action);
      if (result.ok) get().receiveTraining(result.value);
      else set({ trainingError: result.error.message });
    } finally {
      set({ trainingBusy: undefined });
    }
  },
});

const NONE: TrainingMachine[] = [];

/** A stable empty list outside training mode: a new `[]` per call would re-render subscribers forever. */
export const selectTrainingMachines = (s: ConsoleState): TrainingMachine[] => s.training?.machines ?? NONE;

export const selectScenario =
  (id: string) =>
  (s: ConsoleState): TrainingScenario | undefined =>
    s.training?.scenarios.find((sc) => sc.id === id);
