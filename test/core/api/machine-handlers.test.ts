import { describe, expect, it } from 'vitest';
import { pascalMessage } from '../../fixtures/aida';
import { consoleWithFakeAida } from '../../helpers/core';

const live = consoleWithFakeAida();
const consoleWith = (kind: 'box' | 'desktop') => live.start({ kind });

const cardJam = () => pascalMessage('WorkflowSchedulerSuspended', { ErrorCode: 'CardJam' });

describe('Resume, as the core decides it', () => {
  it('refuses Resume after a card jam on a desktop machine, says why, and sends nothing to the machine', async () => {
    const { core, aida } = await consoleWith('desktop');
    await core.post(cardJam());
    const snapshot = await core.handlers.getSnapshot({});
    const suspension = snapshot.ok ? snapshot.value.machines[0]?.suspension : undefined;
    expect(suspension).toMatchObject({ code: 'CardJam', resumable: false, resumeRefusal: expect.stringContaining('desktop machine') });

    const result = await core.handlers.resume({ machineId: 'm1' });
    expect(result).toEqual({ ok: false, error: { code: 'not-allowed', message: expect.stringContaining('cannot resume after a card jam') } });
    // Stop stays possible, and it is the only command the machine ever received.
    expect((await core.handlers.stop({ machineId: 'm1' })).ok).toBe(true);
    expect(aida.commands().map((c) => c.path)).toEqual(['/aida/v1/workflow-scheduler/stop']);
  });

  it('forwards Resume after a card jam on a box machine', async () => {
    const { core, aida } = await consoleWith('box');
    await core.post(cardJam());
    const result = await core.handlers.resume({ machineId: 'm1' });
    expect(result.ok && result.value.state).toBe('acknowledged');
    expect(aida.commands().map((c) => c.path)).toEqual(['/aida/v1/workflow-scheduler/resume']);
  });
});

describe('Send again', () => {
  it('says a command does not exist rather than failing', async () => {
    const { core } = await consoleWith('box');
    expect(await core.handlers.retryCommand({ commandId: 999 })).toEqual({ ok: false, error: { code: 'not-found', message: 'no command 999' } });
  });

  it('refuses to send again a command that did not fail, naming its state', async () => {
    const { core } = await consoleWith('box');
    const stop = await core.handlers.stop({ machineId: 'm1' });
    const id = stop.ok ? stop.value.id : -1;
    expect(await core.handlers.retryCommand({ commandId: id })).toEqual({
      ok: false,
      error: { code: 'not-allowed', message: `command ${id} is acknowledged: only a failed command can be sent again` },
    });
  });
});
