import { describe, expect, it } from 'vitest';
import { alertIdsOf, alertSubject } from '../../../shared/audit/alert-subject';

describe("an audit event's subject naming alerts", () => {
  it('names one alert or several, and reads back their ids', () => {
    expect(alertSubject([4])).toBe('alert 4');
    expect(alertSubject([4, 5])).toBe('alert 4, alert 5');
    expect(alertIdsOf('alert 4')).toEqual([4]);
    expect(alertIdsOf('alert 4, alert 5')).toEqual([4, 5]);
  });

  it('leaves a subject that names anything else alone', () => {
    for (const subject of ['language', 'Olga', 'rapidadmin-3', 'alert', 'alert 4, Olga', '']) expect(alertIdsOf(subject)).toBeUndefined();
  });
});
