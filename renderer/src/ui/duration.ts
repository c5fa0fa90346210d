const pad = (n: number) => String(n).padStart(2, '0');

/** How long, in the units an operator says aloud: "45 s", "3 min 05 s", "2 h 05 min", "3 d 4 h". */
export function formatDuration(ms: number): string {
  // The machine's and the screen's clocks may differ by a little: never show a negative age.
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min ${pad(s % 60)} s`;
  const h = Math.floor(min / 60);
  if (h < 24) return `${h} h ${pad(min % 60)} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}

/** The time since an ISO timestamp, or undefined when there is none or it cannot be read. */
export function age(iso: string | undefined, now: number): string | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : formatDuration(now - t);
}

/** How long something has waited, read at a glance; a dash when the time cannot be read. */
export const formatWaiting = (sinceIso: string, now: number): string => age(sinceIso, now) ?? '—';
