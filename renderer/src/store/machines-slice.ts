import type { ParamsOf } from '../../../shared/api/contract';
import type { MachineView } from '../../../shared/api/views';
import type { SliceCreator } from './types';

export interface MachinesSlice {
  machines: MachineView[];
  /** Actions in flight, by `${machineId}:${kind}`: a second press while one is on its way does nothing. */
  busy: Record<string, boolean>;
  actionError: string | undefined;
  receiveMachines(machines: MachineView[]): void;
  resume(machineId: string): Promise<void>;
  stop(machineId: string): Promise<void>;
  startIssuance(machineId: string, stopAfter?: number): Promise<void>;
  /** Start issuance with everything the form sets: job template, stop after N cards, dry run, metadata. */
  startIssuanceWith(params: ParamsOf<'startIssuance'>): Promise<void>;
  /**
   * Stop with running workflows cancelled (their cards are rejected); the UI confirms first. Resolves to the error
   * (a wrong PIN, say) so that the confirmation can stay open and show it.
   */
  abort(machineId: string, pin?: string): Promise<string | undefined>;
}

export const createMachinesSlice: SliceCreator<MachinesSlice> = (set, get, client) => {
  async function once(key: string, action: () => Promise<{ ok: boolean; error?: { message: string } }>) {
    if (get().busy[key]) return;
    set((s) => ({ busy: { ...s.busy, [key]: true }, actionError: undefined }));
    try {
      const result = await action();
      if (!result.ok) set({ actionError: result.error?.message ?? 'the action failed' });
    } finally {
      set((s) => {
        const { [key]: _done, ...rest } = s.busy;
        return { busy: rest };
      });
    }
  }
  const command = (kind: string, machineId: string, call: () => ReturnType<typeof client.resume>) =>
    once(`${machineId}:${kind}`, async () => {
      const result = await call();
      if (result.ok) get().receiveCommands([result.value]);
      return result;
    });

  return {
    machines: [],
    busy: {},
    actionError: undefined,
    receiveMachines(machines) {
      set({ machines });
    },
    resume: (machineId) => command('resume', machineId, () => client.resume({ machineId })),
    stop: (machineId) => command('stop', machineId, () => client.stop({ machineId })),
    startIssuance: (machineId, stopAfter) =>
      command('start', machineId, () => client.startIssuance({ machineId, ...(stopAfter ? { stopAfter } : {}) })),
    startIssuanceWith: (params) => command('start', params.machineId, () => client.startIssuance(params)),
    abort: async (machineId, pin) => {
      await command('abort', machineId, () => client.abort({ machineId, ...(pin ? { pin } : {}) }));
      return get().actionError;
    },
  };
};
