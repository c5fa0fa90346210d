import { describe, expect, it } from 'vitest';
import { ConfigFileSchema } from '../../../electron/core/config/schema';
import { DEFAULT_SHIFTS, resolveProduction, systemTimeZone } from '../../../electron/core/production/production-config';
import { testConfig } from '../../helpers/core';

describe('the shifts and production settings', () => {
  it('default to three 8-hour shifts from 06:00 in the system time zone, with no nominal speeds', () => {
    expect(testConfig().production).toEqual({ shifts: DEFAULT_SHIFTS, timeZone: systemTimeZone(), nominalCardsPerHour: {} });
    expect(DEFAULT_SHIFTS.map((s) => `${s.start}-${s.end}`)).toEqual(['06:00-14:00', '14:00-22:00', '22:00-06:00']);
  });

  it('take the station shifts, time zone and each machine nominal cards per hour from the config file', () => {
    const file = ConfigFileSchema.parse({
      shifts: [
        { name: 'Day', start: '07:30', end: '19:30' },
        { name: 'Night', start: '19:30', end: '07:30' },
      ],
      production: { timeZone: 'Europe/Berlin', nominalCardsPerHour: { m1: 450 } },
    });
    expect(resolveProduction(file.shifts, file.production)).toEqual({
      shifts: [
        { name: 'Day', start: '07:30', end: '19:30' },
        { name: 'Night', start: '19:30', end: '07:30' },
      ],
      timeZone: 'Europe/Berlin',
      nominalCardsPerHour: { m1: 450 },
    });
  });

  it('refuse a time that is not HH:MM, a zone that does not exist and a speed of nothing', () => {
    expect(ConfigFileSchema.safeParse({ shifts: [{ name: 'Early', start: '6:00', end: '14:00' }] }).success).toBe(false);
    expect(ConfigFileSchema.safeParse({ shifts: [{ name: 'Early', start: '06:00', end: '24:00' }] }).success).toBe(false);
    expect(ConfigFileSchema.safeParse({ production: { timeZone: 'Europe/Atlantis' } }).success).toBe(false);
    expect(ConfigFileSchema.safeParse({ production: { nominalCardsPerHour: { m1: 0 } } }).success).toBe(false);
  });

  it('refuse shifts that overlap, across midnight too, or share a name; a gap between shifts is allowed', () => {
    const shifts = (...s: [string, string][]) => ({ shifts: s.map(([start, end], i) => ({ name: `S${i}`, start, end })) });
    expect(ConfigFileSchema.safeParse(shifts(['06:00', '14:00'], ['13:00', '22:00'])).success).toBe(false);
    expect(ConfigFileSchema.safeParse(shifts(['22:00', '06:00'], ['05:00', '13:00'])).success).toBe(false);
    expect(ConfigFileSchema.safeParse(shifts(['06:00', '14:00'], ['14:00', '22:00'], ['22:00', '06:00'])).success).toBe(true);
    expect(ConfigFileSchema.safeParse(shifts(['07:00', '15:00'], ['16:00', '23:00'])).success).toBe(true);
    const twice = { shifts: [{ name: 'A', start: '06:00', end: '14:00' }, { name: 'A', start: '14:00', end: '22:00' }] };
    expect(ConfigFileSchema.safeParse(twice).success).toBe(false);
  });
});
