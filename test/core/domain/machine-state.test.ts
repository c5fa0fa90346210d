import { describe, expect, it } from 'vitest';
import { parseAidaMessage } from '../../../shared/aida/message';
import { applyToMachine, INITIAL_MACHINE_STATE, type MachineState } from '../../../electron/core/domain/machine-state';
import { reconciledMessage } from '../../../electron/core/domain/reconciliation';

const at = (n: number) => `2026-11-25T10:00:${String(n).padStart(2, '0')}.000Z`;
const fold = (bodies: unknown[]): MachineState =>
  bodies.reduce<MachineState>((s, b, i) => applyToMachine(s, parseAidaMessage(b), at(i)), INITIAL_MACHINE_STATE);

describe('scheduler state from AIDA messages (PROTOCOLS.md, "Suspended or stopped")', () => {
  it('reads the seed example (Stopped, FeederEmpty, no stop reason) as a suspension', () => {
    const s = fold([{ MessageType: 'WorkflowSchedulerStopped', ErrorCode: 'FeederEmpty' }]);
    expect(s).toMatchObject({ scheduler: 'suspended', suspension: { code: 'FeederEmpty' } });
  });

  it('reads a Stopped message with a stop reason as a stop, even with error code FeederEmpty', () => {
    const s = fold([
      { MessageType: 'WorkflowSchedulerSuspended', ErrorCode: 'FeederEmpty' },
      { MessageType: 'WorkflowSchedulerStopped', ErrorCode: 'FeederEmpty', StopReason: 'FeederEmpty' },
    ]);
    expect(s.scheduler).toBe('stopped');
    expect(s.stopReason).toBe('FeederEmpty');
    expect(s.suspension).toBeUndefined();
  });

  it.each(['OpenInterlock', 'CardJam', 'FeederEmpty'])('suspends on WorkflowSchedulerSuspended with %s', (code) => {
    expect(fold([{ messageType: 'workflowschedulersuspended', errorCode: code }]).suspension?.code).toBe(code);
  });

  it('keeps a suspension while jobs already in the machine finish, and clears it when a new card starts', () => {
    const suspended = fold([
      { MessageType: 'WorkflowSchedulerStarted' },
      { MessageType: 'WorkflowSchedulerSuspended', ErrorCode: 'FeederEmpty' },
      { MessageType: 'WorkflowCompleted', JobId: '1' },
    ]);
    expect(suspended.scheduler).toBe('suspended');
    const resumed = applyToMachine(suspended, parseAidaMessage({ MessageType: 'WorkflowStarted', JobId: '2' }), at(9));
    expect(resumed.scheduler).toBe('running');
    expect(resumed.suspension).toBeUndefined();
  });

  it('keeps the suspension start time when the machine suspends again with the same code', () => {
    const s = fold([
      { MessageType: 'WorkflowSchedulerSuspended', ErrorCode: 'FeederEmpty' },
      { MessageType: 'WorkflowSchedulerSuspended', ErrorCode: 'FeederEmpty' },
    ]);
    expect(s.suspension?.since).toBe(at(0));
  });

  it('records health checks without changing the scheduler', () => {
    const s = fold([{ MessageType: 'WorkflowSchedulerStarted' }, { MessageType: 'HealthCheck' }]);
    expect(s).toMatchObject({ scheduler: 'running', lastHealthCheckAt: at(1) });
  });

  it('lets the API clear a suspension once it reads no work waiting for Resume, but never invent an interlock or a jam', () => {
    const suspended = fold([{ MessageType: 'WorkflowSchedulerSuspended', ErrorCode: 'OpenInterlock' }]);
    const running = applyToMachine(suspended, reconciledMessage({ asOfSeq: 1, schedulerStatus: 'Running', resumeItemCount: 0 }), at(5));
    expect(running.scheduler).toBe('running');
    expect(running.suspension).toBeUndefined();
    const fromError = applyToMachine(INITIAL_MACHINE_STATE, reconciledMessage({ asOfSeq: 1, schedulerStatus: 'Error' }), at(5));
    expect(fromError.scheduler).toBe('unknown');
  });

  it('never clears a suspension on the status alone: it reads Running during an interlock or a jam', () => {
    const suspended = fold([{ MessageType: 'WorkflowSchedulerSuspended', ErrorCode: 'OpenInterlock' }]);
    const stateOnly = applyToMachine(suspended, reconciledMessage({ asOfSeq: 1, schedulerStatus: 'Running' }), at(5));
    expect(stateOnly).toMatchObject({ scheduler: 'suspended', suspension: { code: 'OpenInterlock' } });
  });
});

describe('a suspension that names its job', () => {
  const suspended = () =>
    fold([
      { MessageType: 'WorkflowSchedulerStarted' },
      { MessageType: 'WorkflowStarted', JobId: '5', WorkflowInstanceId: 'wf-5' },
      { MessageType: 'WorkflowSchedulerSuspended', ErrorCode: 'OpenInterlock', JobId: '5', WorkflowInstanceId: 'wf-5' },
    ]);

  it('is cleared by a message about that job (it completed after Resume, and no new card started)', () => {
    const after = applyToMachine(suspended(), parseAidaMessage({ MessageType: 'WorkflowCompleted', JobId: '5' }), at(9));
    expect(after.scheduler).toBe('running');
    expect(after.suspension).toBeUndefined();
  });

  it('is cleared by a message naming only its workflow instance', () => {
    const after = applyToMachine(suspended(), parseAidaMessage({ MessageType: 'WorkflowFaulted', WorkflowInstanceId: 'wf-5' }), at(9));
    expect(after.scheduler).toBe('running');
  });

  it('is kept when another job already inside the machine finishes', () => {
    const after = applyToMachine(suspended(), parseAidaMessage({ MessageType: 'WorkflowCompleted', JobId: '4' }), at(9));
    expect(after).toMatchObject({ scheduler: 'suspended', suspension: { code: 'OpenInterlock', jobs: ['5'], instances: ['wf-5'] } });
  });
});
