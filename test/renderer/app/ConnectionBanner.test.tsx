import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../renderer/src/App';
import { createFakeClient, snapshot } from '../helpers/fake-client';
import { renderWithStore } from '../helpers/render';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const banner = () => screen.queryByText(/Not connected to the console/);

describe('the connection banner', () => {
  it('waits a moment at start-up, then says the console is unreachable; after that, says so at once', () => {
    vi.useFakeTimers();
    const client = createFakeClient({ getSnapshot: () => snapshot() });
    renderWithStore(<App />, client);
    expect(banner()).toBeNull();
    act(() => {
      vi.advanceTimersByTime(1600);
    });
    expect(banner()).not.toBeNull();
    act(() => client.connect(true));
    expect(banner()).toBeNull();
    act(() => client.connect(false));
    expect(banner()).not.toBeNull();
  });
});
