import type { MachineConfig } from '../config/schema';
import { MachineRegistry } from './registry';

/**
 * The machines the console serves now. Training replaces them when a scenario plays another kind of machine (a
 * desktop system cannot resume after a card jam), so every part asks the fleet rather than holding a registry.
 */
export class Fleet {
  private current: MachineRegistry;

  constructor(configs: readonly MachineConfig[]) {
    this.current = new MachineRegistry(configs);
  }

  registry(): MachineRegistry {
    return this.current;
  }

  replace(configs: readonly MachineConfig[]): void {
    this.current = new MachineRegistry(configs);
  }
}
