import type { ParamsOf } from '../../../shared/api/contract';
import type { Credential } from '../../../shared/api/people';
import type { Result } from '../../../shared/api/result';
import type { CommandView, MachineView } from '../../../shared/api/views';
import { translator } from '../../../shared/i18n/translate';
import { actionKey, runAction } from './actions';
import { selectMachineLabel } from './selectors';
import type { SliceCreator } from './types';

type IssuanceKind = 'resume' | 'stop' | 'abort' | 'start';

export interface MachinesSlice {
  machines: MachineView[];
  receiveMachines(machines: MachineView[]): void;
  /** Each resolves to whether the core took the command; a refusal is posted to the one error path. */
  resume(machineId: string): Promise<boolean>;
  stop(machineId: string): Promise<boolean>;
  startIssuance(machineId: string, stopAfter?: number): Promise<boolean>;
  /** Start issuance with everything the form sets: job template, stop after N cards, dry run, metadata. */
  startIssuanceWith(params: ParamsOf<'startIssuance'>): Promise<boolean>;
  /** Stop with running workflows cancelled (their cards are rejected); the UI confirms first. `supervisor`: a step-up. */
  abort(machineId: string, pin?: string, supervisor?: Credential): Promise<boolean>;
}

export const createMachinesSlice: SliceCreator<MachinesSlice> = (set, get, client) => {
  async function command(kind: IssuanceKind, machineId: string, call: () => Promise<Result<CommandView>>): Promise<boolean> {
    const action = { key: actionKey.machine(machineId, kind), label: translator(get().language)(`actions:machine.${kind}`, { machine: selectMachineLabel(machineId)(get()) }) };
    const result = await runAction(set, get, action, call, (c) => get().receiveCommands([c]));
    return result?.ok === true;
  }

  return {
    machines: [],
    receiveMachines(machines) {
      set({ machines });
    },
    resume: (machineId) => command('resume', machineId, () => client.resume({ machineId })),
    stop: (machineId) => command('stop', machineId, () => client.stop({ machineId })),
    startIssuance: (machineId, stopAfter) =>
      command('start', machineId, () => client.startIssuance({ machineId, ...(stopAfter ? { stopAfter } : {}) })),
    startIssuanceWith: (params) => command('start', params.machineId, () => client.startIssuance(params)),
    abort: (machineId, pin, supervisor) =>
      command('abort', machineId, () => client.abort({ machineId, ...(pin ? { pin } : {}), ...(supervisor ? { supervisor } : {}) })),
  };
};
