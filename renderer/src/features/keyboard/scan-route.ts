import { useEffect, useRef } from 'react';

/**
 * Where a scanner's burst goes: to whichever screen takes scans now, the newest one mounted. Today that is the "Find
 * job" box, on every screen. The sign-in screen (named people, a later issue) takes them while it is up, by mounting
 * its own receiver: there a burst is a badge. A screen that takes no scans mounts none, and a burst then does nothing.
 */
type ScanReceiver = (code: string) => void;

const receivers: { current: ScanReceiver }[] = [];

/** Makes `receive` the place scans go while the calling component is mounted (the newest one wins). */
export function useScanReceiver(receive: ScanReceiver): void {
  const latest = useRef(receive);
  useEffect(() => {
    latest.current = receive;
  });
  useEffect(() => {
    const entry = { current: (code: string) => latest.current(code) };
    receivers.push(entry);
    return () => {
      receivers.splice(receivers.indexOf(entry), 1);
    };
  }, []);
}

/** Hands a scan to the screen that takes scans now; false when none does. */
export function routeScan(code: string): boolean {
  const receiver = receivers.at(-1);
  if (!receiver) return false;
  receiver.current(code);
  return true;
}
