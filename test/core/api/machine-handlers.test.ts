import { describe, expect, it } from 'vitest';
import { pascalMessage } from '../../fixtures/aida';
import { consoleWithFakeAida } from '../../helpers/core';
import { say } from '../../../shared/i18n/say';
import { translator } from '../../../shared/i18n/translate';

const live = consoleWithFakeAida();
const consoleWith = (kind: 'box' | 'desktop') => live.start({ kind });

const cardJam = () => pascalMessage('WorkflowSchedulerSuspended', { ErrorCode: 'CardJam' });

describe('Resume, as the core decides it', () => {
  it('refuses Resume after a card jam on a desktop machine, says why, and sends nothing to the machine', async () => {
    const { core, aida } = await consoleWith('desktop');
    await core.post(cardJam());
    const snapshot = await core.handlers.getSnapshot({});
    const suspension = snapshot.ok ? snapshot.value.machines[0]?.suspension : undefined;
    expect(suspension).toMatchObject({ code: 'CardJam', resumable: false, resumeRefusal: { code: 'refusals:desktopCardJam' } });

    const result = await core.handlers.resume({ machineId: 'm1' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-allowed', message: expect.stringContaining('cannot resume after a card jam') } });
    // Each page words the refusal in its own language.
    const coded = result.ok ? undefined : result.error.text;
    expect(coded && say(translator('de'), coded)).toBe(
      'Fortsetzen abgelehnt: eine Desktop-Maschine kann nach einem Kartenstau nicht fortsetzen: den Stau beseitigen, dann Stopp drücken und die Ausgabe neu starten',
    );
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
    expect(await core.handlers.retryCommand({ commandId: 999 })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'no command 999', text: { code: 'refusals:noCommand', params: { id: 999 } } },
    });
  });

  it('refuses to send again a command that did not fail, naming its state', async () => {
    const { core } = await consoleWith('box');
    const stop = await core.handlers.stop({ machineId: 'm1' });
    const id = stop.ok ? stop.value.id : -1;
    expect(await core.handlers.retryCommand({ commandId: id })).toMatchObject({
      ok: false,
      error: { code: 'not-allowed', message: `command ${id} is acknowledged: only a failed command can be sent again` },
    });
  });
});

describe('Start issuance, as the machine receives it', () => {
  const START_PATH = '/aida/v1/workflow-scheduler/start';
  const starts = (aida: { commands(): { path: string; body: unknown }[] }) => aida.commands().filter((c) => c.path === START_PATH).map((c) => c.body);

  it('sends rejectedCardsThreshold and workflowTypeName when given, and neither when not', async () => {
    const { core, aida } = await consoleWith('box');
    expect((await core.handlers.startIssuance({ machineId: 'm1', jobTemplateName: 'ID' })).ok).toBe(true);
    const given = await core.dispatch('startIssuance', { machineId: 'm1', rejectedCardsThreshold: 2.5, workflowTypeName: 'Standard' });
    expect(given).toMatchObject({ ok: true, value: { payload: { rejectedCardsThreshold: 2.5, workflowTypeName: 'Standard' } } });
    expect(starts(aida)).toEqual([{ jobTemplateName: 'ID' }, { rejectedCardsThreshold: 2.5, workflowTypeName: 'Standard' }]);
  });

  it('drops the deprecated workflowTypeName for a machine that reports AIDA 1.6', async () => {
    const { core, aida } = await consoleWith('box');
    aida.respond('/aida/v1/system/info', 200, { serverVersion: '1.6.3+3edddb5dcbb471b71e1514c30287db601b10f65a' });
    await core.pollMachines();
    const snapshot = await core.handlers.getSnapshot({});
    expect(snapshot.ok && snapshot.value.machines[0]?.api?.version).toMatch(/^1\.6\.3/);
    const result = await core.handlers.startIssuance({ machineId: 'm1', workflowTypeName: 'Standard', stopAfter: 5 });
    expect(result.ok && result.value.payload).toEqual({ stopAfter: 5 });
    expect(starts(aida)).toEqual([{ stopAfter: 5 }]);
  });
});
