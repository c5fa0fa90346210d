/** What of the browser a wake lock needs: given, so tests play the browser. */
export interface WakeLockHost {
  /** Undefined where the browser offers none: outside a secure context (a plain-HTTP address on the LAN), or too old. */
  wakeLock: Pick<WakeLock, 'request'> | undefined;
  document: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>;
}

/** The browser's side of WakeLock being there at all: `navigator.wakeLock` exists only in secure contexts. */
export const browserHost = (): WakeLockHost => ({ wakeLock: 'wakeLock' in navigator ? navigator.wakeLock : undefined, document });

/**
 * Holds a screen wake lock while it is wanted. The browser drops the lock whenever the page is hidden (another tab,
 * a minimised window), and a request from a hidden page is refused: it is asked for again when the page shows.
 */
export function screenWakeLock(host: WakeLockHost): { want(needed: boolean): void; dispose(): void } {
  let wanted = false;
  let sentinel: WakeLockSentinel | undefined;
  let requesting = false;

  const acquire = () => {
    if (!host.wakeLock || !wanted || sentinel || requesting || host.document.visibilityState !== 'visible') return;
    requesting = true;
    host.wakeLock.request('screen').then(
      (lock) => {
        requesting = false;
        sentinel = lock;
        lock.addEventListener('release', () => {
          if (sentinel === lock) sentinel = undefined;
        });
        // No longer wanted while it was being granted.
        if (!wanted) release();
      },
      // Refused (the battery saver, a policy): the screen may sleep; the next change or showing tries again.
      () => {
        requesting = false;
      },
    );
  };
  const release = () => {
    const lock = sentinel;
    sentinel = undefined;
    void lock?.release();
  };
  const onVisibility = () => acquire();
  host.document.addEventListener('visibilitychange', onVisibility);

  return {
    want(needed) {
      wanted = needed;
      if (needed) acquire();
      else release();
    },
    dispose() {
      host.document.removeEventListener('visibilitychange', onVisibility);
      wanted = false;
      release();
    },
  };
}
