import { describe, expect, it } from 'vitest';
import { SUPPRESSION_RULES, suppressorOf, type SuppressionSubject } from '../../../electron/core/alerts/alert-suppression';

const a = (id: number, kind: SuppressionSubject['kind'], machineId = 'm1', code?: string): SuppressionSubject => ({ id, machineId, kind, code });

describe('which alert follows from which', () => {
  it('puts "machine silent" and "refuses the console" under "does not answer" on the same machine only', () => {
    const open = [a(1, 'silence'), a(2, 'unreachable'), a(3, 'api-refused'), a(4, 'silence', 'm2')];
    expect(suppressorOf(open[0] as SuppressionSubject, open)).toBe(2);
    expect(suppressorOf(open[2] as SuppressionSubject, open)).toBe(2);
    expect(suppressorOf(open[3] as SuppressionSubject, open)).toBeUndefined();
    expect(suppressorOf(open[1] as SuppressionSubject, open)).toBeUndefined();
  });

  it('puts a scheduler error under the error stop or suspension reporting the same code, not a different one', () => {
    const stop = a(1, 'stopped', 'm1', 'CardJam');
    expect(suppressorOf(a(2, 'scheduler-error', 'm1', 'CardJam'), [stop])).toBe(1);
    expect(suppressorOf(a(2, 'scheduler-error', 'm1', 'FeederEmpty'), [stop])).toBeUndefined();
    expect(suppressorOf(a(2, 'scheduler-error', 'm1', 'FeederEmpty,JobTemplateDoesNotExists'), [a(1, 'suspension', 'm1', 'FeederEmpty')])).toBe(1);
  });

  it('puts a scheduler error that only says the console is unreachable under "does not answer"', () => {
    const down = a(1, 'unreachable');
    expect(suppressorOf(a(2, 'scheduler-error', 'm1', 'WebhooksServerUnreachable'), [down])).toBe(1);
    expect(suppressorOf(a(2, 'scheduler-error', 'm1', 'WebhooksServerUnreachable,FeederEmpty'), [down])).toBeUndefined();
  });

  it("puts the machine's warning before a stop under the stop, the suspension or the silence of the same machine", () => {
    const warning = a(5, 'machine-warning', 'm1', 'FeederEmpty:Input 2');
    expect(suppressorOf(warning, [a(1, 'suspension', 'm1', 'FeederEmpty')])).toBe(1);
    expect(suppressorOf(warning, [a(2, 'stopped', 'm1', 'CardJam')])).toBe(2);
    expect(suppressorOf(warning, [a(3, 'unreachable')])).toBe(3);
    expect(suppressorOf(warning, [a(4, 'suspension', 'm2', 'FeederEmpty')])).toBeUndefined();
  });

  it('never hides a suspension or an error stop, and no root is itself a follower (no chains)', () => {
    const followers = new Set(SUPPRESSION_RULES.map((r) => r.follower));
    expect(followers.has('suspension')).toBe(false);
    expect(followers.has('stopped')).toBe(false);
    for (const r of SUPPRESSION_RULES) expect(followers.has(r.root)).toBe(false);
    expect(suppressorOf(a(2, 'suspension', 'm1', 'CardJam'), [a(1, 'unreachable')])).toBeUndefined();
  });
});
