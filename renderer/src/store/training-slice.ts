import { translator } from '../../../shared/i18n/translate';
import type { TrainingAction, TrainingMachine, TrainingScenario, TrainingView } from '../../../shared/api/views';
import { actionKey, runAction } from './actions';
import type { ConsoleState, SliceCreator } from './types';

export interface TrainingSlice {
  /** The simulated machines and the scenarios they can play; undefined outside training mode. */
  training: TrainingView | undefined;
  receiveTraining(training: TrainingView): void;
  /**
   * What the trainee does at a simulated machine: load cards, close the cover, clear a jam, choose a scenario. One at a
   * time (a second press meanwhile does nothing); resolves to whether the simulator took it.
   */
  trainingAction(action: TrainingAction): Promise<boolean>;
}

export const createTrainingSlice: SliceCreator<TrainingSlice> = (set, get, client) => ({
  training: undefined,
  receiveTraining(training) {
    set({ training });
  },
  async trainingAction(action) {
    const machine = get().training?.machines.find((m) => m.machineId === action.machineId);
    const label = translator(get().language)(`actions:training.${action.action}`, { machine: machine?.label ?? action.machineId });
    const result = await runAction(set, get, { key: actionKey.training, label }, () => client.trainingAction(action), (t) =>
      get().receiveTraining(t),
    );
    return result?.ok === true;
  },
});

/** Whether a trainee action is on its way: every control at the simulated machines waits for it. */
export const selectTrainingBusy = (s: ConsoleState): boolean => s.busy[actionKey.training] === true;

const NONE: TrainingMachine[] = [];

/** A stable empty list outside training mode: a new `[]` per call would re-render subscribers forever. */
export const selectTrainingMachines = (s: ConsoleState): TrainingMachine[] => s.training?.machines ?? NONE;

export const selectScenario =
  (id: string) =>
  (s: ConsoleState): TrainingScenario | undefined =>
    s.training?.scenarios.find((sc) => sc.id === id);
