import type { StorageView } from '../../../shared/api/storage';
import type { ConsoleState, SliceCreator } from './types';

export interface StorageSlice {
  /** The store's size, oldest live day and free disk; undefined until a screen that shows them asks. */
  storage: StorageView | undefined;
  /** Reads the figures again (each screen that shows them asks when it opens). */
  loadStorage(): Promise<void>;
}

export const createStorageSlice: SliceCreator<StorageSlice> = (set, _get, client) => ({
  storage: undefined,
  async loadStorage() {
    const result = await client.getStorage({});
    if (result.ok) set({ storage: result.value });
  },
});

export const selectStorage = (s: ConsoleState): StorageView | undefined => s.storage;
