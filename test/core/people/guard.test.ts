import { describe, expect, it } from 'vitest';
import type { CodedText } from '../../../shared/api/coded-text';
import { say } from '../../../shared/i18n/say';
import { translator } from '../../../shared/i18n/translate';
import type { AuditEventView } from '../../../shared/api/audit';
import { ocrExecuted, pascalMessage, SIGNAL_PATH } from '../../fixtures/aida';
import { consoleWithFakeAida, startTestConsole, testConfig, type TestConsole } from '../../helpers/core';
import { startFakeAida } from '../../helpers/fake-aida';
import { staffed } from './people-helpers';

const fake = consoleWithFakeAida();
const STOP_PATH = '/aida/v1/workflow-scheduler/stop';

/** A session of the app with this person signed in. */
async function signedIn(core: TestConsole, accountId: number, pin: string) {
  const session = core.people.open('app');
  const result = await core.handlersFor(session).signIn({ accountId, pin });
  if (!result.ok) throw new Error(result.error.message);
  return { session, api: core.handlersFor(session) };
}

async function refusals(core: TestConsole): Promise<AuditEventView[]> {
  const page = await core.handlers.listAuditEvents({ kind: 'refused', offset: 0, limit: 100 });
  if (!page.ok) throw new Error(page.error.message);
  return page.value.rows;
}

async function staffedConsole(file = {}) {
  const { core, aida } = await fake.start({}, file);
  const ids = await staffed(core);
  await core.post(pascalMessage('WorkflowSchedulerSuspended', { ErrorCode: 'FeederEmpty' }));
  await core.post(ocrExecuted('7'));
  return { core, aida, ids, station: core.config.station };
}

describe('the core refuses what the signed-in role may not do', () => {
  it('Reject by an operator: refused with what to do, audited, and nothing reaches the machine', async () => {
    const { core, aida, ids, station } = await staffedConsole();
    const { api } = await signedIn(core, ids.operator, '1357');
    const rejected = await api.decide({ reviewId: 1, outcome: 'Faulted', reason: 'smudged' });
    expect(rejected).toEqual({
      ok: false,
      error: {
        code: 'not-allowed',
        message: 'Reject needs a supervisor: ask one to approve here with their name or badge and PIN.',
        text: { code: 'permissions:stepUp', params: { what: { code: 'permissions:what.decideFaulted' } } },
      },
    });
    // A German reader reads the same refusal in German, on the page and in the audit.
    expect(rejected.ok ? '' : say(translator('de'), rejected.error.text as CodedText)).toBe(
      '„Ablehnen“ braucht die Schichtleitung: bitten Sie sie, hier mit Namen oder Ausweis und PIN zuzustimmen.',
    );
    expect(aida.commands().filter((c) => c.path === SIGNAL_PATH)).toHaveLength(0);
    expect(await refusals(core)).toEqual([
      expect.objectContaining({
        kind: 'refused',
        actor: `Olga@${station}`,
        accountId: ids.operator,
        role: 'operator',
        station,
        method: 'decide',
        subject: 'reviewId 1',
        detail: 'Reject needs a supervisor: ask one to approve here with their name or badge and PIN.',
        detailText: { code: 'permissions:stepUp', params: { what: { code: 'permissions:what.decideFaulted' } } },
      }),
    ]);
    // The same operator may approve: it destroys no card.
    expect(await api.decide({ reviewId: 1, outcome: 'Completed' })).toMatchObject({ ok: true, value: { actor: `Olga@${station}`, accountId: ids.operator, accountRole: 'operator' } });
  });

  it('a script repeating a refused call adds one audit row with a count, not one per call', async () => {
    const { core, ids } = await staffedConsole();
    const { api } = await signedIn(core, ids.operator, '1357');
    for (let i = 0; i < 50; i++) await api.abort({ machineId: 'm1' });
    const rows = await refusals(core);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ method: 'abort', repeats: 49 });
  });
});

describe("a supervisor's step-up at an operator's station", () => {
  it('is recorded as the supervisor, names the operator signed in there, and signs nobody out', async () => {
    const { core, aida, ids, station } = await staffedConsole();
    const { session, api } = await signedIn(core, ids.operator, '1357');
    const rejected = await api.decide({ reviewId: 1, outcome: 'Faulted', reason: 'smudged', supervisor: { accountId: ids.supervisor, pin: '8642' } });
    expect(rejected).toMatchObject({
      ok: true,
      value: { kind: 'signal', actor: `Sven@${station}`, accountId: ids.supervisor, accountRole: 'supervisor', station, signedIn: 'Olga' },
    });
    expect(aida.commands().filter((c) => c.path === SIGNAL_PATH)).toHaveLength(1);
    expect(core.people.callerFor(session, 'getSnapshot')?.person).toMatchObject({ name: 'Olga' });

    const aborted = await api.abort({ machineId: 'm1', supervisor: { accountId: ids.supervisor, pin: '8642' } });
    expect(aborted).toMatchObject({ ok: true, value: { kind: 'abort', accountId: ids.supervisor, signedIn: 'Olga' } });

    // The audit view finds both under the supervisor, and the review says who decided.
    const page = await core.handlers.listAudit({ accountId: ids.supervisor, offset: 0, limit: 10 });
    expect(page.ok && page.value.rows.map((r) => r.kind)).toEqual(['abort', 'signal']);
    const reviews = await core.handlers.listReviews({ limit: 10 });
    expect(reviews.ok && [...reviews.value.queue, ...reviews.value.recent].find((r) => r.id === 1)?.decidedBy).toBe(`Sven@${station}`);
  });

  it("a wrong PIN, or someone who is not a supervisor, is refused and audited; the operator's own PIN is no step-up", async () => {
    const { core, aida, ids } = await staffedConsole();
    const { api } = await signedIn(core, ids.operator, '1357');
    const wrong = await api.abort({ machineId: 'm1', supervisor: { accountId: ids.supervisor, pin: '0000' } });
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'not-allowed', message: /^Step-up refused: Wrong PIN/, text: { code: 'permissions:stepUpRefused', params: { reason: { code: 'refusals:wrongPinWait' } } } },
    });
    const own = await api.abort({ machineId: 'm1', supervisor: { accountId: ids.operator, pin: '1357' } });
    expect(own).toEqual({
      ok: false,
      error: {
        code: 'not-allowed',
        message: 'Abort needs a supervisor: Olga is not one.',
        text: { code: 'permissions:notSupervisor', params: { what: { code: 'permissions:what.abort' }, name: 'Olga' } },
      },
    });
    expect(aida.commands().filter((c) => c.path === STOP_PATH)).toHaveLength(0);
    expect((await refusals(core)).map((r) => r.detail)).toEqual([own.ok ? '' : own.error.message, wrong.ok ? '' : wrong.error.message]);
  });
});

describe('Send again', () => {
  it("needs the role of the original decision: a supervisor's Abort is sent again by a supervisor, not by an operator", async () => {
    const { core, aida, ids, station } = await staffedConsole();
    aida.respondOnce(STOP_PATH, 409, { message: 'busy' });
    const supervisor = await signedIn(core, ids.supervisor, '8642');
    const aborted = await supervisor.api.abort({ machineId: 'm1' });
    expect(aborted).toMatchObject({ ok: true, value: { state: 'failed', role: 'supervisor' } });
    const commandId = aborted.ok ? aborted.value.id : 0;

    const operator = await signedIn(core, ids.operator, '1357');
    expect(await operator.api.retryCommand({ commandId })).toMatchObject({
      ok: false,
      error: { code: 'not-allowed', message: "Send again a supervisor's decision needs a supervisor: ask one to approve here with their name or badge and PIN." },
    });
    const again = await supervisor.api.retryCommand({ commandId });
    // The command keeps the supervisor who decided; who pressed Send again is in its outcome.
    expect(again).toMatchObject({ ok: true, value: { actor: `Sven@${station}`, outcome: `sent again on request of Sven@${station}` } });

    // An operator's own Stop, once failed, the operator may send again.
    aida.respondOnce(STOP_PATH, 409, { message: 'busy' });
    const stopped = await operator.api.stop({ machineId: 'm1' });
    expect(stopped).toMatchObject({ ok: true, value: { state: 'failed', role: 'operator' } });
    expect(await operator.api.retryCommand({ commandId: stopped.ok ? stopped.value.id : 0 })).toMatchObject({ ok: true });
  });
});

describe('a station where nobody is signed in', () => {
  it('reads, and lets anyone silence the local sound (audited), but acts on nothing', async () => {
    const { core, aida, station } = await staffedConsole();
    const nobody = core.handlersFor(core.people.open('app'));
    expect((await nobody.getSnapshot({})).ok).toBe(true);
    expect(await nobody.resume({ machineId: 'm1' })).toEqual({
      ok: false,
      error: {
        code: 'not-allowed',
        message: 'Nobody is signed in at this station: sign in to resume.',
        text: { code: 'permissions:signInTo', params: { what: { code: 'permissions:what.resume' } } },
      },
    });
    expect(aida.commands().filter((c) => c.path.endsWith('/resume'))).toHaveLength(0);
    expect(await nobody.silenceReminder({ alertIds: [1] })).toEqual({ ok: true, value: {} });
    const trail = await core.handlers.listAuditEvents({ offset: 0, limit: 10 });
    expect(trail.ok && trail.value.rows.filter((r) => r.kind !== 'account').map((r) => [r.kind, r.actor, r.accountId])).toEqual([
      ['sound-silenced', expect.stringMatching(new RegExp(`@${station}$`)), undefined],
      ['refused', expect.stringMatching(new RegExp(`@${station}$`)), undefined],
    ]);
  });

  it('still approves what IT configured to be automatic, under its own actor', async () => {
    const { core, aida } = await fake.start({}, { review: { autoApproveAbove: 0.9 } });
    await staffed(core);
    await core.handlers.signOut({});
    await core.post(ocrExecuted('8', [['MRZ', 'P<UTO', 0.99]]));
    await core.waitForEvent((e) => e.type === 'commands' && e.commands.some((c) => c.role === 'automatic' && c.state === 'acknowledged'));
    const page = await core.handlers.listAudit({ offset: 0, limit: 10 });
    expect(page.ok && page.value.rows.map((r) => [r.role, r.actor, r.accountId])).toEqual([['automatic', 'auto-approval (confidence 0.99)', undefined]]);
    expect(aida.commands().filter((c) => c.path === SIGNAL_PATH)).toHaveLength(1);
  });
});

describe('after a restart', () => {
  it('a Stop left unsent goes out under the operator who pressed it, though nobody is signed in any more', async () => {
    // The machine is not there yet: its port refuses, so the Stop provably never reached it and waits in the outbox.
    const probe = await startFakeAida();
    const port = Number(new URL(probe.url).port);
    await probe.close();
    const config = testConfig({ machines: [{ id: 'm1', apiUrl: probe.url, kind: 'box' }] });
    const first = await startTestConsole(config);
    const ids = await staffed(first);
    const { api } = await signedIn(first, ids.operator, '1357');
    const queued = await api.stop({ machineId: 'm1' });
    expect(queued).toMatchObject({ ok: true, value: { state: 'queued', accountId: ids.operator } });
    await first.stop();

    const back = await startFakeAida(port);
    const second = await startTestConsole(config);
    try {
      const id = queued.ok ? queued.value.id : 0;
      await second.waitForEvent((e) => e.type === 'commands' && e.commands.some((c) => c.id === id && c.state === 'acknowledged'));
      const page = await second.handlers.listAudit({ offset: 0, limit: 10 });
      expect(page.ok && page.value.rows.find((r) => r.id === id)).toMatchObject({ actor: `Olga@${config.station}`, accountId: ids.operator, accountRole: 'operator' });
      expect(back.commands().filter((c) => c.path === STOP_PATH)).toHaveLength(1);
    } finally {
      await second.stop();
      await back.close();
    }
  });
});

describe('an open station (no account yet)', () => {
  it('acts as before: every action, recorded as the OS user, and the shared PIN still guards Abort', async () => {
    const { core, aida } = await fake.start({}, { review: { supervisorPin: '2468' } });
    await core.post(pascalMessage('WorkflowSchedulerSuspended', { ErrorCode: 'FeederEmpty' }));
    const resumed = await core.handlers.resume({ machineId: 'm1' });
    expect(resumed).toMatchObject({ ok: true, value: { actor: expect.stringMatching(new RegExp(`@${core.config.station}$`)), station: core.config.station } });
    expect(resumed.ok && resumed.value.accountId).toBeUndefined();
    expect(await core.handlers.abort({ machineId: 'm1' })).toMatchObject({ ok: false, error: { message: /^The supervisor PIN is required/ } });
    expect(aida.commands().filter((c) => c.path === STOP_PATH)).toHaveLength(0);
    expect(await refusals(core)).toEqual([]);
  });
});

describe('the shared supervisor PIN after accounts', () => {
  it('stands in for a supervisor until the first supervisor account exists; then supervisors use their own', async () => {
    const { core, aida } = await fake.start({}, { review: { supervisorPin: '2468' } });
    await core.post(pascalMessage('WorkflowSchedulerSuspended', { ErrorCode: 'FeederEmpty' }));
    await core.handlers.createFirstAccount({ name: 'Ida', pin: '246810' });
    const olga = await core.handlers.createAccount({ name: 'Olga', role: 'operator', pin: '1357', mustChangePin: false });
    const { api } = await signedIn(core, olga.ok ? olga.value.id : 0, '1357');
    expect(await api.abort({ machineId: 'm1', pin: '2468' })).toMatchObject({ ok: true, value: { kind: 'abort', accountId: olga.ok ? olga.value.id : 0 } });
    const snapshot = await api.getSnapshot({});
    expect(snapshot.ok && snapshot.value.pinRequired).toBe(true);

    await core.handlers.createAccount({ name: 'Sven', role: 'supervisor', pin: '8642', mustChangePin: false });
    const after = await api.getSnapshot({});
    expect(after.ok && after.value.pinRequired).toBe(false);
    expect(await api.abort({ machineId: 'm1', pin: '2468' })).toMatchObject({ ok: false, error: { message: /^Abort needs a supervisor/ } });
    expect(aida.commands().filter((c) => c.path === STOP_PATH)).toHaveLength(1);
  });
});
