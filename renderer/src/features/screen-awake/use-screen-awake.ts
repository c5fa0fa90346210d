import { useEffect, useRef } from 'react';
import { keepDisplayAwake } from '../../../../shared/api/keep-awake';
import { useConsole } from '../../store/context';
import { browserHost, screenWakeLock, type WakeLockHost } from './wake-lock';

/**
 * Keeps the screen from sleeping while a machine is in a batch or an alert is open, as the Electron app does with
 * its power-save blocker — where the browser allows it (see ScreenSleepNote for where it does not).
 */
export function useScreenAwake(host: () => WakeLockHost = browserHost): void {
  const needed = useConsole((s) => keepDisplayAwake(s.machines, s.alerts));
  const lock = useRef<ReturnType<typeof screenWakeLock>>(undefined);
  useEffect(() => {
    const held = screenWakeLock(host());
    lock.current = held;
    return () => {
      held.dispose();
      lock.current = undefined;
    };
  }, [host]);
  useEffect(() => lock.current?.want(needed), [needed]);
}
