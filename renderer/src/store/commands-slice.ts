import type { CommandView } from '../../../shared/api/views';
import type { SliceCreator } from './types';

export interface CommandsSlice {
  /** Newest first, at most MAX_COMMANDS. */
  commands: CommandView[];
  receiveCommands(commands: CommandView[]): void;
}

const MAX_COMMANDS = 100;

export const createCommandsSlice: SliceCreator<CommandsSlice> = (set) => ({
  commands: [],
  receiveCommands(incoming) {
    set((s) => {
      const byId = new Map(s.commands.map((c) => [c.id, c]));
      for (const c of incoming) {
        const known = byId.get(c.id);
        // Updates can cross on the wire: never let an older state overwrite a newer one.
        if (!known || known.updatedAt <= c.updatedAt) byId.set(c.id, c);
      }
      return { commands: [...byId.values()].sort((a, b) => b.id - a.id).slice(0, MAX_COMMANDS) };
    });
  },
});
