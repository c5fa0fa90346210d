import { describe, expect, it } from 'vitest';
import type { MachineStatusRead } from '../../../electron/core/aida/health-answers';
import { healthView, healthWarnings } from '../../../electron/core/domain/machine-health';

const feeders = (...statuses: string[]): MachineStatusRead => ({
  modules: [],
  laserBoards: [],
  feeders: statuses.map((status, i) => ({ name: `F${i + 1}`, status })),
  allFeedersEmpty: statuses.every((s) => s === 'FeederEmpty'),
});

describe('what the machine\'s health means for the line', () => {
  it('reads a cartridge low or expiring as a warning before a stop, and an empty cartridge as a stop now, first', () => {
    expect(healthWarnings(['CartridgeLow', 'CartridgeEmpty', 'CartridgeExpiring'], undefined)).toEqual([
      { code: 'CartridgeEmpty', level: 'now' },
      { code: 'CartridgeLow', level: 'ahead' },
      { code: 'CartridgeExpiring', level: 'ahead' },
    ]);
  });

  it('reads a code it does not know as stopping now: never played down on a guess', () => {
    expect(healthWarnings(['RibbonBroken'], undefined)).toEqual([{ code: 'RibbonBroken', level: 'now' }]);
  });

  it('warns of one empty feeder while another still feeds; all empty is the machine\'s own FeederEmpty, not a warning ahead', () => {
    expect(healthWarnings([], feeders('Ready', 'FeederEmpty'))).toEqual([{ code: 'FeederEmpty', level: 'ahead', subject: 'F2' }]);
    expect(healthWarnings([], feeders('FeederEmpty', 'FeederEmpty'))).toEqual([]);
    expect(healthWarnings([], feeders('Disconnected', 'FeederEmpty'))).toEqual([]);
  });

  it('says nothing of what the machine did not report', () => {
    const view = healthView('2026-03-02T08:00:00.000Z', undefined, undefined, { systemStatus: false, machineStatus: false });
    expect(view).toEqual({ at: '2026-03-02T08:00:00.000Z', warnings: [], offers: { systemStatus: false, machineStatus: false } });
  });
});
