import { useEffect, useState } from 'react';

/** The current time, re-read every `everyMs`: for "waiting for 2 min 05 s" that must tick on screen. */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** "45 s", "2 min 05 s", "1 h 03 min": how long something has waited, read at a glance. */
export function formatWaiting(sinceIso: string, now: number): string {
  const since = Date.parse(sinceIso);
  if (Number.isNaN(since)) return '—';
  const s = Math.max(0, Math.floor((now - since) / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}
