import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../renderer/src/App';
import { ok } from '../../../shared/api/result';
import { createFakeClient, snapshot } from '../helpers/fake-client';
import { renderWithStore } from '../helpers/render';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const notYet = () => screen.queryByText(/Not connected to the console/);
const lost = () => screen.queryByText('Connection lost — alerts may be missing.');

describe('the connection banner', () => {
  it('waits a moment at start-up, then says the console is unreachable; once connected, a loss says alerts may be missing', () => {
    vi.useFakeTimers();
    const client = createFakeClient({ getSnapshot: () => snapshot() });
    renderWithStore(<App />, client);
    expect(notYet()).toBeNull();
    act(() => {
      vi.advanceTimersByTime(1600);
    });
    expect(notYet()).not.toBeNull();
    expect(lost()).toBeNull();
    act(() => client.connect(true));
    expect(notYet()).toBeNull();
    act(() => client.connect(false));
    expect(lost()).not.toBeNull();
    expect(screen.getByRole('alert', { name: '' }).textContent).toContain('Reconnecting…');
    act(() => client.connect(true));
    expect(lost()).toBeNull();
  });

  it('reads everything again on its return, the list on screen too: what changed meanwhile is not replayed', async () => {
    const client = createFakeClient({
      getSnapshot: () => snapshot(),
      listDeliveries: () => ok({ rows: [], total: 0, pruned: 0 }),
    });
    const { store } = renderWithStore(<App />, client);
    act(() => client.connect(true));
    act(() => store.getState().showView('deliveries'));
    await vi.waitFor(() => expect(client.callsTo('listDeliveries')).toHaveLength(1));
    act(() => client.connect(false));
    act(() => client.connect(true));
    await vi.waitFor(() => expect(client.callsTo('getSnapshot')).toHaveLength(2));
    for (const method of ['getSettings', 'getSession', 'listDeliveries'] as const) {
      expect(client.callsTo(method), method).toHaveLength(2);
    }
  });
});
