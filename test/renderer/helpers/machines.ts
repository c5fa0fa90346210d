import type { MachineView } from '../../../shared/api/views';

/** A configured machine as the core shows it, with what a test cares about laid over it. */
export function machine(id: string, overrides: Partial<MachineView> = {}): MachineView {
  return { id, label: `AIDA ${id}`, kind: 'box', actionable: true, scheduler: 'running', ...overrides };
}
