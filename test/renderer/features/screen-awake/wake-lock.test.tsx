import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ScreenSleepNote } from '../../../../renderer/src/features/screen-awake/ScreenSleepNote';
import { useScreenAwake } from '../../../../renderer/src/features/screen-awake/use-screen-awake';
import { screenWakeLock, type WakeLockHost } from '../../../../renderer/src/features/screen-awake/wake-lock';
import { StoreProvider } from '../../../../renderer/src/store/context';
import { createConsoleStore } from '../../../../renderer/src/store/store';
import { createFakeClient } from '../../helpers/fake-client';
import { machine } from '../../helpers/machines';

afterEach(cleanup);

/** A browser that grants screen wake locks, drops them when the page is hidden, and tells what it holds. */
function fakeBrowser() {
  const visibility = new EventTarget();
  let visibilityState: DocumentVisibilityState = 'visible';
  const held = new Set<EventTarget>();
  let requests = 0;
  const drop = (lock: EventTarget) => {
    if (held.delete(lock)) lock.dispatchEvent(new Event('release'));
  };
  const host: WakeLockHost = {
    wakeLock: {
      request: async () => {
        requests += 1;
        if (visibilityState !== 'visible') throw new DOMException('hidden', 'NotAllowedError');
        const lock = Object.assign(new EventTarget(), { release: async () => drop(lock) });
        held.add(lock);
        return lock as unknown as WakeLockSentinel;
      },
    },
    document: {
      get visibilityState() {
        return visibilityState;
      },
      addEventListener: visibility.addEventListener.bind(visibility),
      removeEventListener: visibility.removeEventListener.bind(visibility),
    },
  };
  return {
    host,
    held: () => held.size,
    requests: () => requests,
    setVisible(visible: boolean) {
      visibilityState = visible ? 'visible' : 'hidden';
      if (!visible) [...held].forEach(drop);
      visibility.dispatchEvent(new Event('visibilitychange'));
    },
  };
}

const settle = () => act(async () => {});

describe('the screen wake lock in the page', () => {
  it('holds the screen on while wanted, lets it go when not, and takes it again when the page shows after hiding', async () => {
    const browser = fakeBrowser();
    const lock = screenWakeLock(browser.host);
    lock.want(true);
    await settle();
    expect(browser.held()).toBe(1);
    lock.want(true);
    await settle();
    expect(browser.requests()).toBe(1);

    browser.setVisible(false);
    await settle();
    expect(browser.held()).toBe(0);
    browser.setVisible(true);
    await settle();
    expect(browser.held()).toBe(1);

    lock.want(false);
    await settle();
    expect(browser.held()).toBe(0);
    browser.setVisible(false);
    browser.setVisible(true);
    await settle();
    expect(browser.held()).toBe(0);
  });

  it('follows the console: on while a machine issues, off once it stopped with no alert open', async () => {
    const browser = fakeBrowser();
    const store = createConsoleStore(createFakeClient());
    function Page() {
      useScreenAwake(() => browser.host);
      return null;
    }
    render(
      <StoreProvider store={store}>
        <Page />
      </StoreProvider>,
    );
    await settle();
    expect(browser.held()).toBe(0);
    act(() => store.getState().receiveMachines([machine('m1', { scheduler: 'running' })]));
    await settle();
    expect(browser.held()).toBe(1);
    act(() => store.getState().receiveMachines([machine('m1', { scheduler: 'stopped' })]));
    await settle();
    expect(browser.held()).toBe(0);
  });

  it('where the browser offers no wake lock (a plain-HTTP thin client), asks for nothing, and Settings says so', async () => {
    const lock = screenWakeLock({ ...fakeBrowser().host, wakeLock: undefined });
    lock.want(true);
    const store = createConsoleStore(createFakeClient());
    render(
      <StoreProvider store={store}>
        <ScreenSleepNote available={false} />
      </StoreProvider>,
    );
    expect(screen.getByText(/cannot keep the screen awake here/).textContent).toContain('power settings');
  });
});
