import { useEffect, useRef } from 'react';
import { useConsole } from '../../store/context';

/**
 * Calls `close` when the person who was signed in as the caller opened is no longer (the station locked when idle, on
 * either clock, they signed out, or IT disabled them): a locked station shows no half-done action, a step-up's PIN
 * half typed included. A dialog opened with nobody signed in (the first account, an open station) is left alone.
 */
export function useCloseOnLock(close: () => void): void {
  const accountId = useConsole((s) => s.auth?.person?.accountId);
  const atOpen = useRef(accountId);
  const latest = useRef(close);
  useEffect(() => {
    latest.current = close;
  });
  useEffect(() => {
    if (atOpen.current !== undefined && accountId !== atOpen.current) latest.current();
  }, [accountId]);
}
