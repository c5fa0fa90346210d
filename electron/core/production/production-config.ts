import { z } from 'zod';

const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day as HH:MM (24-hour clock)');

/** One shift of the station's day: `end` before or equal to `start` means it ends the next day (a night shift). */
export const ShiftConfigSchema = z.object({ name: z.string().trim().min(1).max(60), start: ClockTime, end: ClockTime }).strict();
export type ShiftConfig = z.infer<typeof ShiftConfigSchema>;

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Whether two shifts share a minute of the day (a shift past midnight wraps round). */
function overlap(a: ShiftConfig, b: ShiftConfig): boolean {
  const minutes = (s: ShiftConfig) => {
    const start = minutesOf(s.start);
    const length = (minutesOf(s.end) - start + 1440) % 1440 || 1440;
    return { start, length };
  };
  const x = minutes(a);
  const y = minutes(b);
  const inside = (m: number, s: { start: number; length: number }) => (m - s.start + 1440) % 1440 < s.length;
  return inside(x.start, y) || inside(y.start, x);
}

/** The config file's `shifts`: the day cut into named shifts, no two sharing a minute or a name (a gap is allowed). */
export const ShiftsConfigSchema = z
  .array(ShiftConfigSchema)
  .min(1)
  .max(12)
  .refine((shifts) => new Set(shifts.map((s) => s.name)).size === shifts.length, 'each shift needs a name of its own')
  .refine((shifts) => shifts.every((a, i) => shifts.slice(i + 1).every((b) => !overlap(a, b))), 'shifts must not overlap');

/** The config file's `production` section. */
export const ProductionConfigSchema = z
  .object({
    /** The IANA time zone the shifts are cut in (`Europe/Berlin`); unset, the system's. */
    timeZone: z
      .string()
      .min(1)
      .refine((zone) => isTimeZone(zone), 'an IANA time zone such as Europe/Berlin')
      .optional(),
    /** Cards per hour each machine makes at full speed (by machine id): with it, the report computes performance and OEE. */
    nominalCardsPerHour: z.record(z.string().min(1).max(100), z.number().positive().max(100_000)).optional(),
  })
  .strict();
export type ProductionConfig = z.infer<typeof ProductionConfigSchema>;

export interface ProductionSettings {
  shifts: ShiftConfig[];
  timeZone: string;
  nominalCardsPerHour: Record<string, number>;
}

/** Three 8-hour shifts from 06:00, as most bureaus run them. */
export const DEFAULT_SHIFTS: readonly ShiftConfig[] = [
  { name: 'Early', start: '06:00', end: '14:00' },
  { name: 'Late', start: '14:00', end: '22:00' },
  { name: 'Night', start: '22:00', end: '06:00' },
];

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function resolveProduction(shifts: ShiftConfig[] | undefined, file: ProductionConfig | undefined): ProductionSettings {
  return {
    shifts: shifts ?? [...DEFAULT_SHIFTS],
    timeZone: file?.timeZone ?? systemTimeZone(),
    nominalCardsPerHour: file?.nominalCardsPerHour ?? {},
  };
}
