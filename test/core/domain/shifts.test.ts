import { describe, expect, it } from 'vitest';
import { DEFAULT_SHIFTS } from '../../../electron/core/production/production-config';
import { hourStarts, shiftInstances, shiftsEndedBetween } from '../../../electron/core/domain/shifts';

const hours = (s: { from: string; to: string }) => (Date.parse(s.to) - Date.parse(s.from)) / 3_600_000;
const BERLIN = 'Europe/Berlin';

describe('shift instances in the station time zone', () => {
  it('cuts a winter day in Berlin into the three default shifts, the night one crossing midnight', () => {
    const day = shiftInstances(DEFAULT_SHIFTS, BERLIN, new Date('2026-01-15T05:00:00Z'), new Date('2026-01-16T05:00:00Z'));
    expect(day.map((s) => [s.name, s.day, s.from, s.to])).toEqual([
      ['Early', '2026-01-15', '2026-01-15T05:00:00.000Z', '2026-01-15T13:00:00.000Z'],
      ['Late', '2026-01-15', '2026-01-15T13:00:00.000Z', '2026-01-15T21:00:00.000Z'],
      ['Night', '2026-01-15', '2026-01-15T21:00:00.000Z', '2026-01-16T05:00:00.000Z'],
    ]);
  });

  it('makes the night shift 7 hours long on the March night the clocks go forward', () => {
    // 29 March 2026, 02:00 CET becomes 03:00 CEST.
    const [night] = shiftInstances(DEFAULT_SHIFTS, BERLIN, new Date('2026-03-28T22:00:00Z'), new Date('2026-03-29T01:00:00Z'));
    expect(night).toEqual({ name: 'Night', day: '2026-03-28', from: '2026-03-28T21:00:00.000Z', to: '2026-03-29T04:00:00.000Z' });
    expect(hours(night as { from: string; to: string })).toBe(7);
  });

  it('makes the night shift 9 hours long on the October night the clocks go back', () => {
    // 25 October 2026, 03:00 CEST becomes 02:00 CET.
    const [night] = shiftInstances(DEFAULT_SHIFTS, BERLIN, new Date('2026-10-24T22:00:00Z'), new Date('2026-10-25T01:00:00Z'));
    expect(night).toEqual({ name: 'Night', day: '2026-10-24', from: '2026-10-24T20:00:00.000Z', to: '2026-10-25T05:00:00.000Z' });
    expect(hours(night as { from: string; to: string })).toBe(9);
  });

  it('reads a shift boundary in the hour that does not exist as the same wall time before the change, and the doubled hour once', () => {
    const shifts = [
      { name: 'A', start: '02:30', end: '14:30' },
      { name: 'B', start: '14:30', end: '02:30' },
    ];
    const march = shiftInstances(shifts, BERLIN, new Date('2026-03-29T00:00:00Z'), new Date('2026-03-29T12:00:00Z'));
    // 02:30 does not exist on 29 March: the shift starts at 01:30 UTC (03:30 summer time), after B's 11 hours.
    expect(march.map((s) => [s.name, s.from, s.to, hours(s)])).toEqual([
      ['B', '2026-03-28T13:30:00.000Z', '2026-03-29T01:30:00.000Z', 12],
      ['A', '2026-03-29T01:30:00.000Z', '2026-03-29T12:30:00.000Z', 11],
    ]);
    const october = shiftInstances(shifts, BERLIN, new Date('2026-10-25T00:00:00Z'), new Date('2026-10-25T12:00:00Z'));
    // 02:30 happens twice on 25 October: the first one (summer time) ends B and starts A.
    expect(october.map((s) => [s.name, s.from, s.to, hours(s)])).toEqual([
      ['B', '2026-10-24T12:30:00.000Z', '2026-10-25T00:30:00.000Z', 12],
      ['A', '2026-10-25T00:30:00.000Z', '2026-10-25T13:30:00.000Z', 13],
    ]);
  });

  it('crosses midnight with a custom shift and lists no instance twice', () => {
    const shifts = [{ name: 'Swing', start: '18:00', end: '02:00' }];
    const week = shiftInstances(shifts, 'UTC', new Date('2026-05-04T00:00:00Z'), new Date('2026-05-06T00:00:00Z'));
    expect(week.map((s) => [s.day, s.from, s.to])).toEqual([
      ['2026-05-03', '2026-05-03T18:00:00.000Z', '2026-05-04T02:00:00.000Z'],
      ['2026-05-04', '2026-05-04T18:00:00.000Z', '2026-05-05T02:00:00.000Z'],
      ['2026-05-05', '2026-05-05T18:00:00.000Z', '2026-05-06T02:00:00.000Z'],
    ]);
  });

  it('names the shifts that ended between two instants, the end itself included', () => {
    const ended = shiftsEndedBetween(DEFAULT_SHIFTS, BERLIN, new Date('2026-01-15T12:00:00Z'), new Date('2026-01-15T21:00:00Z'));
    expect(ended.map((s) => `${s.name} ${s.day}`)).toEqual(['Early 2026-01-15', 'Late 2026-01-15']);
  });

  it("cuts hours on the station's clock, half past in UTC where the zone is half an hour off", () => {
    const range = [new Date('2026-01-15T04:00:00Z'), new Date('2026-01-15T06:00:00Z')] as const;
    expect(hourStarts(...range, BERLIN)).toEqual(['2026-01-15T04:00:00.000Z', '2026-01-15T05:00:00.000Z']);
    expect(hourStarts(...range, 'Asia/Kolkata')).toEqual(['2026-01-15T03:30:00.000Z', '2026-01-15T04:30:00.000Z', '2026-01-15T05:30:00.000Z']);
  });
});
