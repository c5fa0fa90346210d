const two = (n: number) => String(n).padStart(2, '0');

/**
 * A time as the people at the station read it: the core runs at the station, so its own time zone is theirs.
 * HH:MM, with the date in front when it is not today there (a lock past midnight).
 */
export function stationTime(at: Date, now: Date): string {
  const time = `${two(at.getHours())}:${two(at.getMinutes())}`;
  const sameDay = at.getFullYear() === now.getFullYear() && at.getMonth() === now.getMonth() && at.getDate() === now.getDate();
  return sameDay ? time : `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())} ${time}`;
}
