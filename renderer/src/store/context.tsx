import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { ConsoleState } from './types';
import type { ConsoleStore } from './store';

const StoreContext = createContext<ConsoleStore | undefined>(undefined);

export function StoreProvider({ store, children }: { store: ConsoleStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** Selects the least a component needs; wrap with `useShallow` when the selector builds a new object. */
export function useConsole<T>(selector: (state: ConsoleState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useConsole outside StoreProvider');
  return useStore(store, selector);
}
