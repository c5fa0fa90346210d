import { describe, expect, it } from 'vitest';
import { keepDisplayAwake } from '../../../shared/api/keep-awake';

const machine = (scheduler: 'unknown' | 'running' | 'stopping' | 'stopped' | 'suspended') => ({ scheduler });

describe('keeping the display awake', () => {
  it('lets a quiet floor sleep: nothing issuing, no alert open', () => {
    expect(keepDisplayAwake([], [])).toBe(false);
    expect(keepDisplayAwake([machine('stopped'), machine('unknown')], [{ closedAt: '2026-01-01T10:00:00Z' }])).toBe(false);
  });

  it('keeps it on while any machine is in a batch: issuing, finishing it, or suspended waiting for an operator', () => {
    expect(keepDisplayAwake([machine('stopped'), machine('running')], [])).toBe(true);
    expect(keepDisplayAwake([machine('stopping')], [])).toBe(true);
    // Its alert may come a moment after the machine's state: the display must not flicker off in between.
    expect(keepDisplayAwake([machine('suspended')], [])).toBe(true);
  });

  it('keeps it on while any alert is open, a suspension included', () => {
    expect(keepDisplayAwake([machine('stopped')], [{}])).toBe(true);
    expect(keepDisplayAwake([], [{ closedAt: '2026-01-01T10:00:00Z' }, {}])).toBe(true);
  });
});
