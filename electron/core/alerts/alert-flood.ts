import { FLOOD, type AlertCause, type AlertFlood } from '../../../shared/api/alerts';

export const FLOOD_WINDOW_MS = FLOOD.windowMinutes * 60_000;

/** An annunciated alert's opening, as the flood reads it. */
export interface Opening {
  at: number;
  cause: AlertCause;
}

/**
 * Whether the station is in a flood at `now` (more than FLOOD.count alerts opened within FLOOD.windowMinutes), and since
 * when. Pure. A flood begins at the opening that first makes the window hold too many, lasts while each later window
 * does, and ends when the last window empties below; it counts from the first alert of the window that began it.
 * `openings`: oldest first, suppressed alerts left out (they were never annunciated).
 */
export function floodAt(openings: readonly Opening[], now: number): AlertFlood | undefined {
  const inWindow = openings.filter((o) => o.at > now - FLOOD_WINDOW_MS && o.at <= now).length;
  if (inWindow <= FLOOD.count) return undefined;
  let start: number | undefined;
  let lo = 0;
  for (let i = 0; i < openings.length; i++) {
    const at = (openings[i] as Opening).at;
    if (at > now) break;
    while ((openings[lo] as Opening).at <= at - FLOOD_WINDOW_MS) lo++;
    const before = i - lo;
    if (before > FLOOD.count) continue; // the flood went on through this opening
    start = before + 1 > FLOOD.count ? lo : undefined;
  }
  if (start === undefined) return undefined;
  const flood = openings.slice(start).filter((o) => o.at <= now);
  const byCause = new Map<AlertCause, number>();
  for (const o of flood) byCause.set(o.cause, (byCause.get(o.cause) ?? 0) + 1);
  return {
    count: flood.length,
    since: new Date((flood[0] as Opening).at).toISOString(),
    byCause: [...byCause].map(([cause, count]) => ({ cause, count })).sort((a, b) => b.count - a.count || a.cause.localeCompare(b.cause)),
  };
}
