import { describe, expect, it } from 'vitest';
import { resolvePriorities } from '../../../electron/core/alerts/alert-priority';
import { AlertTracker } from '../../../electron/core/alerts/alert-tracker';
import { AlertRepo } from '../../../electron/core/store/alert-repo';
import { AlertShelfRepo } from '../../../electron/core/store/alert-shelf-repo';
import { CommandRepo } from '../../../electron/core/store/command-repo';
import { databaseAt, LATEST_VERSION } from '../store/helpers';

const T0 = Date.parse('2026-05-04T00:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
const MIN = 60_000;
const HOUR = 60 * MIN;

/**
 * A day of alerts on a real store: 12 jams in 6 minutes (a flood, not chattering: over a minute between every third),
 * a chattering silence, one standing disk alert.
 */
function seeded() {
  const { db } = databaseAt(LATEST_VERSION);
  const repo = new AlertRepo(db);
  const open = (kind: Parameters<AlertRepo['open']>[0]['kind'], minutes: number, code?: string, machineId = 'm1') =>
    repo.open({ machineId, kind, code, at: iso(T0 + minutes * MIN), firstOut: false });
  for (let i = 0; i < 12; i++) {
    const id = open('suspension', 60 + i * 0.55, 'CardJam');
    repo.close(id, iso(T0 + (61 + i * 0.55) * MIN), { code: 'runs-again' });
  }
  for (const m of [300, 300.2, 300.4]) repo.close(open('silence', m, undefined, 'm2'), iso(T0 + (m + 0.1) * MIN), { code: 'heard-again' });
  const follower = open('api-refused', 400, undefined, 'm2');
  repo.setSuppressedBy(follower, 1);
  open('disk-low', -48 * 60, undefined, '');
  const tracker = new AlertTracker({
    repo,
    shelves: new AlertShelfRepo(db),
    commands: new CommandRepo(db),
    machineLabel: (id) => `Line ${id}`,
    alarms: () => ({ latching: false, priorities: resolvePriorities(undefined) }),
  });
  return tracker;
}

describe('the alarm KPIs', () => {
  it('reads rates, the busiest 10 minutes, flood time, standing and chattering alerts and the top causes from the store', () => {
    const k = seeded().kpis(T0, T0 + 24 * HOUR);
    expect(k.total).toBe(15);
    expect(k.suppressed).toBe(1);
    expect(k.perHour).toBeCloseTo(15 / 24);
    expect(k.rating).toBe('acceptable');
    expect(k.busiest10Minutes).toEqual({ start: iso(T0 + 60 * MIN), count: 12 });
    // In flood from the 11th jam (65.5 min) until the 2nd leaves the window (70.55 min): 5.05 minutes of the day.
    expect(k.floodShare).toBeCloseTo((5.05 * MIN) / (24 * HOUR));
    expect(k.standing).toEqual([{ id: 17, machineLabel: 'This console', kind: 'disk-low', openedAt: iso(T0 - 48 * HOUR), hours: 72 }]);
    expect(k.chattering).toEqual([{ machineLabel: 'Line m2', kind: 'silence', count: 3, firstAt: iso(T0 + 300 * MIN) }]);
    expect(k.topCauses).toEqual([
      { cause: 'jam', count: 12, share: 12 / 15 },
      { cause: 'machine-silent', count: 3, share: 3 / 15 },
    ]);
    expect(k.topKinds[0]).toEqual({ kind: 'suspension', count: 12, share: 12 / 15 });
  });
});
