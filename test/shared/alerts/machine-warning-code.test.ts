import { describe, expect, it } from 'vitest';
import { machineWarningCode, machineWarningOf } from '../../../shared/alerts/machine-warning-code';

describe("a machine warning's alert code", () => {
  it('names the warning alone, or the warning and its feeder, and reads back the same', () => {
    expect(machineWarningCode({ code: 'CartridgeLow' })).toBe('CartridgeLow');
    expect(machineWarningCode({ code: 'FeederEmpty', subject: 'Feeder 2' })).toBe('FeederEmpty:Feeder 2');
    expect(machineWarningOf('CartridgeLow')).toEqual({ code: 'CartridgeLow' });
    expect(machineWarningOf('FeederEmpty:Feeder 2')).toEqual({ code: 'FeederEmpty', subject: 'Feeder 2' });
  });

  it("keeps a feeder's name that holds a colon whole", () => {
    const warning = { code: 'FeederEmpty', subject: 'Hopper: left' };
    expect(machineWarningOf(machineWarningCode(warning))).toEqual(warning);
  });
});
