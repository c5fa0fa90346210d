/**
 * The station's shifts as instants: each configured shift (HH:MM to HH:MM, local time) on each day, cut in the
 * station's time zone. Pure: the range is passed in. On a daylight-saving night a shift spans the wall-clock hours it
 * says, so it lasts an hour less (March) or more (October); a start or end in the hour that does not exist is read as
 * the same wall time in the offset before the change (02:30 in Berlin's March gap is 03:30 summer time), and one in
 * the hour that happens twice as its first occurrence.
 */

export interface ShiftDefinition {
  name: string;
  start: string;
  end: string;
}

export interface ShiftInstance {
  name: string;
  /** The local day the shift starts on (YYYY-MM-DD). */
  day: string;
  /** ISO instants, `to` exclusive. */
  from: string;
  to: string;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock time at an instant, as milliseconds of a UTC date with the same fields. */
export function wallTime(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

const offsetAt = (instant: number, timeZone: string): number => wallTime(instant, timeZone) - Math.floor(instant / 1000) * 1000;

/** The instant a wall-clock time (given as a UTC date with the same fields) happens in the zone. */
export function instantOf(wall: number, timeZone: string): number {
  const before = offsetAt(wall - DAY / 2, timeZone);
  const after = offsetAt(wall + DAY / 2, timeZone);
  const valid = [wall - before, wall - after].filter((t) => offsetAt(t, timeZone) === wall - t);
  return valid.length > 0 ? Math.min(...valid) : wall - before;
}

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

const dayText = (wall: number): string => new Date(wall).toISOString().slice(0, 10);

/** Every shift instance that overlaps [from, to), oldest first. */
export function shiftInstances(shifts: readonly ShiftDefinition[], timeZone: string, from: Date, to: Date): ShiftInstance[] {
  const out: ShiftInstance[] = [];
  const firstDay = Math.floor(wallTime(from.getTime(), timeZone) / DAY) * DAY - DAY;
  const lastDay = Math.floor(wallTime(to.getTime(), timeZone) / DAY) * DAY;
  for (let day = firstDay; day <= lastDay; day += DAY) {
    for (const shift of shifts) {
      const start = minutesOf(shift.start);
      const end = minutesOf(shift.end);
      const fromAt = instantOf(day + start * MINUTE, timeZone);
      const toAt = instantOf(day + (end <= start ? DAY : 0) + end * MINUTE, timeZone);
      if (toAt <= from.getTime() || fromAt >= to.getTime()) continue;
      out.push({ name: shift.name, day: dayText(day), from: new Date(fromAt).toISOString(), to: new Date(toAt).toISOString() });
    }
  }
  return out.sort((a, b) => a.from.localeCompare(b.from));
}

/** The shift instances that ended in (after, upTo]: what the report service has to make. */
export function shiftsEndedBetween(shifts: readonly ShiftDefinition[], timeZone: string, after: Date, upTo: Date): ShiftInstance[] {
  return shiftInstances(shifts, timeZone, new Date(after.getTime() - 2 * DAY), upTo).filter(
    (s) => Date.parse(s.to) > after.getTime() && Date.parse(s.to) <= upTo.getTime(),
  );
}

/**
 * The hours of [from, to) as ISO instants of their starts, on the station's clock: in a zone half an hour off UTC
 * (India) an hour starts at half past in UTC. The first may start before `from`.
 */
export function hourStarts(from: Date, to: Date, timeZone: string): string[] {
  const HOUR = 60 * MINUTE;
  const out: string[] = [];
  for (let t = instantOf(Math.floor(wallTime(from.getTime(), timeZone) / HOUR) * HOUR, timeZone); t < to.getTime(); t += HOUR) {
    if (t + HOUR > from.getTime()) out.push(new Date(t).toISOString());
  }
  return out;
}
