import { describe, expect, it } from 'vitest';
import { restoredSettlements } from '../../../electron/core/commands/restored';
import type { Command } from '../../../electron/core/store/command-repo';
import type { Review } from '../../../electron/core/store/review-repo';
import { say } from '../../../shared/i18n/say';
import { translator } from '../../../shared/i18n/translate';

const AT = '2026-03-02T03:00:00.000Z';

const review = (id: number, machineId = 'm1', restored = true): Review => ({
  id,
  machine_id: machineId,
  workflow_instance_id: `wf-${id}`,
  job_key: String(id),
  kind: 'ocr',
  opened_seq: id,
  opened_at: AT,
  payload: {},
  state: 'pending',
  decision: null,
  decided_by: null,
  decided_at: null,
  reason: null,
  closed_at: null,
  closed_reason: null,
  closed_code: null,
  closed_params: null,
  restored_at: restored ? AT : null,
});

const command = (id: number, overrides: Partial<Command> = {}): Command => ({
  id,
  machineId: 'm1',
  kind: 'signal',
  state: 'queued',
  actor: 'op',
  role: 'operator',
  attempts: 0,
  payload: {},
  createdAt: AT,
  updatedAt: AT,
  restoredAt: AT,
  ...overrides,
});

describe("what a reading of the machine's API settles after a restore", () => {
  it('clears the mark of a job still waiting, and fails its earlier decision for a person to check', () => {
    const settled = restoredSettlements('m1', { suspendedInstanceIds: ['wf-1', 'wf-2'] }, [review(1), review(2), review(3)], [command(10, { reviewId: 1 })]);
    expect(settled.clear).toEqual([1, 2]);
    expect(settled.fail).toEqual([{ id: 10, outcome: { code: 'outcomes:restoredStillWaits' } }]);
    expect(say(translator('en'), { code: 'outcomes:restoredStillWaits' })).toContain('Check the job at the machine');
  });

  it('settles a restored Resume once the scheduler is read, and touches nothing of another machine or unmarked', () => {
    const settled = restoredSettlements(
      'm1',
      { schedulerStatus: 'Running' },
      [review(1, 'm2'), review(2, 'm1', false)],
      [command(11, { kind: 'resume' }), command(12, { kind: 'stop', machineId: 'm2' }), command(13, { kind: 'start', restoredAt: undefined })],
    );
    expect(settled).toEqual({ clear: [], fail: [{ id: 11, outcome: { code: 'outcomes:restoredNotSent', params: { status: 'Running' } } }] });
    expect(say(translator('en'), settled.fail[0]?.outcome ?? { code: '' })).toBe(
      'restored from a backup: not sent; the machine now reports Running. Press again if still needed',
    );
  });

  it('settles nothing when the machine offers no list of waiting jobs and its status could not be read', () => {
    expect(restoredSettlements('m1', {}, [review(1)], [command(10, { reviewId: 1 }), command(11, { kind: 'resume' })])).toEqual({ clear: [], fail: [] });
  });
});
