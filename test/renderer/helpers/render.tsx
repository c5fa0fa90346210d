import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { StoreProvider } from '../../../renderer/src/store/context';
import { createConsoleStore, type ConsoleStore } from '../../../renderer/src/store/store';
import type { FakeClient } from './fake-client';

/** Renders a component over a real store fed by the fake client, as main.tsx does with the real transport. */
export function renderWithStore(ui: ReactElement, client: FakeClient): RenderResult & { store: ConsoleStore } {
  const store = createConsoleStore(client);
  return Object.assign(render(<StoreProvider store={store}>{ui}</StoreProvider>), { store });
}

/**
 * jsdom lays nothing out: give scroll areas of the given class a height, so a virtualised list renders the rows a
 * screen of that height would show. Returns the undo.
 */
export function giveHeight(className: string, height: number): () => void {
  const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains(className) ? height : 0;
    },
  });
  return () => {
    if (original) Object.defineProperty(HTMLElement.prototype, 'clientHeight', original);
  };
}
