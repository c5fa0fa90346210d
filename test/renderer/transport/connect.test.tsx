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

describe('the Electron preload bridge', () => {
  it('applies pushed events at most a batch a frame, and those still waiting before a call’s answer', async () => {
    let push: (raw: unknown) => void = () => {};
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => frames.push(f));
    const bridge = {
      onEvent: (listener: (raw: unknown) => void) => ((push = listener), () => {}),
      getBackupStatus: () => Promise.resolve({ ok: true, value: { dir: '/b', keep: 7, sameDisk: false, running: false } }),
    };
    window.issuanceConsole = bridge as unknown as NonNullable<Window['issuanceConsole']>;
    const client = connectToConsole();
    const order: string[] = [];
    client.onEvent((e) => order.push(e.type));
    push({ type: 'deliveries', rejectedTotal: 1 });
    push({ type: 'deliveries', rejectedTotal: 2 });
    expect(order).toEqual(['deliveries']);
    frames.splice(0).forEach((f) => f(0));
    expect(order).toEqual(['deliveries', 'deliveries']);
    push({ type: 'feeds', topics: [] });
    await client.getBackupStatus({}).then(() => order.push('answer'));
    expect(order).toEqual(['deliveries', 'deliveries', 'feeds', 'answer']);
    delete window.issuanceConsole;
  });
});
