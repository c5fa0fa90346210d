import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectToConsole } from '../../../renderer/src/transport/connect';

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

describe('serve mode’s page and the access token', () => {
  it('opens the API with the session cookie alone: no token in any address, nothing of it kept by the page', () => {
    const opened: string[] = [];
    vi.stubGlobal(
      'WebSocket',
      class {
        static readonly OPEN = 1;
        constructor(url: string) {
          opened.push(url);
        }
      },
    );
    // Even an address that still carries one (an old bookmark): the page neither reads nor forwards it.
    window.history.replaceState(null, '', '/?token=printed-at-start');
    connectToConsole();
    expect(opened).toEqual([`ws://${window.location.host}/api/ws`]);
    expect(JSON.stringify({ ...sessionStorage })).not.toContain('printed-at-start');
  });
});
