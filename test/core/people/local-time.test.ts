import { afterEach, describe, expect, it } from 'vitest';
import { stationTime } from '../../../electron/core/people/local-time';

const zone = process.env['TZ'];
afterEach(() => {
  if (zone === undefined) delete process.env['TZ'];
  else process.env['TZ'] = zone;
});

describe("a lock's end, as the station reads it", () => {
  it("says the station's own time, not UTC", () => {
    process.env['TZ'] = 'Europe/Berlin';
    expect(stationTime(new Date('2026-03-02T08:05:00Z'), new Date('2026-03-02T08:00:00Z'))).toBe('09:05');
    process.env['TZ'] = 'America/New_York';
    expect(stationTime(new Date('2026-03-02T18:05:00Z'), new Date('2026-03-02T18:00:00Z'))).toBe('13:05');
  });

  it('adds the date when the lock ends on another day there', () => {
    process.env['TZ'] = 'Europe/Berlin';
    expect(stationTime(new Date('2026-03-02T23:30:00Z'), new Date('2026-03-02T22:50:00Z'))).toBe('2026-03-03 00:30');
  });
});
