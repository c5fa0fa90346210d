import { describe, expect, it } from 'vitest';
import { floodAt, type Opening } from '../../../electron/core/alerts/alert-flood';

const T0 = Date.parse('2026-05-04T08:00:00.000Z');
const min = (m: number) => T0 + m * 60_000;
const openings = (times: number[], cause: Opening['cause'] = 'jam'): Opening[] => times.map((at) => ({ at, cause }));

describe('the flood', () => {
  it('is no flood at 10 alerts in 10 minutes, a flood at the 11th, grouped by cause', () => {
    const ten = openings(Array.from({ length: 10 }, (_, i) => min(i * 0.5)));
    expect(floodAt(ten, min(5))).toBeUndefined();
    const eleven = [...ten, { at: min(5.5), cause: 'feeder' as const }];
    expect(floodAt(eleven, min(6))).toEqual({
      count: 11,
      since: new Date(min(0)).toISOString(),
      byCause: [
        { cause: 'jam', count: 10 },
        { cause: 'feeder', count: 1 },
      ],
    });
  });

  it('ends by time passing alone, once the last 10 minutes hold 10 or fewer', () => {
    const burst = openings(Array.from({ length: 11 }, (_, i) => min(i * 0.1)));
    expect(floodAt(burst, min(9))?.count).toBe(11);
    expect(floodAt(burst, min(10.05))).toBeUndefined();
  });

  it('counts a flood that goes on from its beginning, and a new one from its own beginning', () => {
    const first = Array.from({ length: 11 }, (_, i) => min(i * 0.1));
    const goesOn = Array.from({ length: 11 }, (_, i) => min(5 + i * 0.1));
    expect(floodAt(openings([...first, ...goesOn]), min(6))).toMatchObject({ count: 22, since: new Date(min(0)).toISOString() });
    const later = Array.from({ length: 11 }, (_, i) => min(60 + i * 0.1));
    expect(floodAt(openings([...first, ...later]), min(61))).toMatchObject({ count: 11, since: new Date(min(60)).toISOString() });
  });
});
