import { describe, expect, it } from 'vitest';
import { wantedAlerts } from '../../../electron/core/alerts/alert-rules';
import type { MachineView } from '../../../shared/api/views';

const machine = (fields: Partial<MachineView>): MachineView => ({
  id: 'm1',
  label: 'Line 1',
  kind: 'box',
  actionable: true,
  scheduler: 'running',
  ...fields,
});
const NOW = Date.parse('2026-11-25T10:10:00Z');
const base = { now: NOW, silenceMs: 120_000, unreachable: new Set<string>(), conflicts: [], waitingEncoders: [] };

describe('which alerts should be open', () => {
  it('raises a suspension alert with its code', () => {
    const m = machine({ scheduler: 'suspended', suspension: { code: 'OpenInterlock', since: '', resumable: true } });
    expect(wantedAlerts({ ...base, machines: [m] })).toEqual([{ machineId: 'm1', kind: 'suspension', code: 'OpenInterlock' }]);
  });

  it('raises a stop alert for a card jam, not for a finished batch or a manual stop', () => {
    const jam = wantedAlerts({ ...base, machines: [machine({ scheduler: 'stopped', stopReason: 'CardJam' })] });
    expect(jam).toEqual([{ machineId: 'm1', kind: 'stopped', code: 'CardJam' }]);
    for (const reason of ['BatchCompleted', 'ManualStop', 'FeederEmpty']) {
      expect(wantedAlerts({ ...base, machines: [machine({ scheduler: 'stopped', stopReason: reason })] })).toEqual([]);
    }
  });

  it("raises the machine's own warnings before a stop that ask someone to act, not the print head warming up", () => {
    const health = (warnings: NonNullable<MachineView['health']>['warnings']) => ({ at: '', warnings, offers: { systemStatus: true, machineStatus: true } });
    const warned = machine({
      health: health([
        { code: 'CartridgeLow', level: 'ahead' },
        { code: 'FeederEmpty', level: 'ahead', subject: 'Input 2' },
        { code: 'PrintHeadWarming', level: 'ahead' },
        { code: 'OpenInterlock', level: 'now' },
      ]),
    });
    expect(wantedAlerts({ ...base, machines: [warned] })).toEqual([
      { machineId: 'm1', kind: 'machine-warning', code: 'CartridgeLow' },
      { machineId: 'm1', kind: 'machine-warning', code: 'FeederEmpty:Input 2' },
    ]);
  });

  it('raises a silence alert only while running and silent past the limit', () => {
    const silent = machine({ lastMessageAt: '2026-11-25T10:07:00Z' });
    expect(wantedAlerts({ ...base, machines: [silent] }).map((a) => a.kind)).toEqual(['silence']);
    expect(wantedAlerts({ ...base, machines: [machine({ lastMessageAt: '2026-11-25T10:09:00Z' })] })).toEqual([]);
    expect(wantedAlerts({ ...base, machines: [{ ...silent, scheduler: 'stopped' }] })).toEqual([]);
  });

  it('raises unreachable and encoder-wait alerts from what the core measured', () => {
    const wanted = wantedAlerts({
      ...base,
      machines: [machine({})],
      unreachable: new Set(['m1']),
      waitingEncoders: [{ machineId: 'm1', reviewId: 12, since: '2026-11-25T10:00:00Z' }],
    });
    expect(wanted.map((a) => [a.kind, a.code])).toEqual([
      ['unreachable', undefined],
      ['encoder-wait', '12'],
    ]);
  });
});
