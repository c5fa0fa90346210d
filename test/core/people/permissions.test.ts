import { describe, expect, it } from 'vitest';
import type { CodedText } from '../../../shared/api/coded-text';
import { say } from '../../../shared/i18n/say';
import { translator } from '../../../shared/i18n/translate';
import { METHOD_NAMES, type MethodName } from '../../../shared/api/contract';
import type { Role } from '../../../shared/api/people';
import { allowedSignedOut, permissionFor, refusalReason, type PermissionFacts } from '../../../shared/api/permissions';
import type { Result } from '../../../shared/api/result';
import { ocrExecuted, pascalMessage } from '../../fixtures/aida';
import { consoleWithFakeAida, type TestConsole } from '../../helpers/core';
import { testClock } from './people-helpers';

const fake = consoleWithFakeAida();

/** What the matrix test knows of the console it calls: accounts, and commands decided by each role. */
interface Fixture {
  spare: number;
  operatorCommand: number;
  supervisorCommand: number;
  next: () => number;
}

type Call = { params: Record<string, unknown>; facts?: PermissionFacts };

/**
 * One or more arguments per method, each a call the contract accepts. A method added to the contract without its
 * line here fails to compile (the Record), and the test below fails if one is dropped at run time.
 */
const CALLS: Record<MethodName, (f: Fixture) => Call[]> = {
  getSnapshot: () => [{ params: {} }],
  listJobs: () => [{ params: {} }],
  resume: () => [{ params: { machineId: 'm1' } }],
  stop: () => [{ params: { machineId: 'm1' } }],
  startIssuance: () => [{ params: { machineId: 'm1' } }],
  abort: () => [{ params: { machineId: 'm1' } }],
  listReviews: () => [{ params: {} }],
  listReviewInspections: () => [{ params: { reviewId: 1, offset: 0 } }],
  decide: () => [
    { params: { reviewId: 1, outcome: 'Completed' } },
    { params: { reviewId: 1, outcome: 'Faulted', reason: 'smudged' } },
    { params: { reviewId: 1, outcome: 'Canceled', reason: 'no chip' } },
  ],
  retryCommand: (f) => [
    { params: { commandId: f.operatorCommand }, facts: { originalRole: 'operator' } },
    { params: { commandId: f.supervisorCommand }, facts: { originalRole: 'supervisor' } },
  ],
  listAlertHistory: () => [{ params: {} }],
  acknowledgeAlert: () => [{ params: { alertId: 1 } }],
  shelveAlert: () => [{ params: { id: 1, minutes: 30, reason: 'known, fixed tonight' } }],
  unshelveAlert: () => [{ params: { id: 1 } }],
  alarmKpis: () => [{ params: {} }],
  testAlarm: () => [{ params: {} }],
  listAudit: () => [{ params: {} }],
  exportAudit: () => [{ params: {} }],
  listAuditEvents: () => [{ params: {} }],
  exportAuditEvents: () => [{ params: {} }],
  silenceReminder: () => [{ params: { alertIds: [1] } }],
  listPinRefusals: () => [{ params: {} }],
  getJobDetail: () => [{ params: { machineId: 'm1', key: '7' } }],
  listDeliveries: () => [{ params: {} }],
  getDelivery: () => [{ params: { id: 1 } }],
  trainingAction: () => [{ params: { machineId: 'm1', action: 'close-cover' } }],
  getFeeds: () => [{ params: {} }],
  listActivity: () => [{ params: { limit: 10 } }],
  listVerifications: () => [{ params: { limit: 10 } }],
  getStorage: () => [{ params: {} }],
  machineSessions: () => [{ params: { machineId: 'm1' } }],
  reviewSnapshot: () => [{ params: { reviewId: 1 } }],
  getBackupStatus: () => [{ params: {} }],
  backUpNow: () => [{ params: {} }],
  acknowledgeFeedAlert: () => [{ params: { id: 'no-such-alert' } }],
  setVerificationAlertRules: () => [{ params: { rules: null } }],
  fetchVerificationDetails: () => [{ params: { processId: 'p-1' } }],
  getSettings: () => [{ params: {} }],
  setSetting: () => [{ params: { key: 'watchdog.pollSeconds', value: 5 } }],
  resetSetting: () => [{ params: { key: 'watchdog.pollSeconds' } }],
  getSession: () => [{ params: {} }],
  signIn: (f) => [{ params: { accountId: f.spare, pin: '0000' } }],
  signOut: () => [{ params: {} }],
  lockStation: () => [{ params: {} }],
  changeOwnPin: () => [{ params: { current: '9999', next: '97531' } }],
  setOwnLanguage: () => [{ params: { language: 'de' } }, { params: { language: null } }],
  createFirstAccount: () => [{ params: { name: 'Another first', pin: '123456' } }],
  listAccounts: () => [{ params: {} }],
  createAccount: (f) => [{ params: { name: `Made ${f.next()}`, role: 'operator', pin: '2580' } }],
  updateAccount: (f) => [{ params: { id: f.spare, disabled: false } }],
  resetPin: (f) => [{ params: { id: f.spare, pin: '1470', mustChangePin: false } }],
  clearLock: (f) => [{ params: { id: f.spare } }],
  productionSummary: () => [{ params: { from: '2026-03-02T05:00:00Z', to: '2026-03-02T13:00:00Z', groupBy: 'machine' } }],
  productionDowntime: () => [{ params: { from: '2026-03-02T05:00:00Z', to: '2026-03-02T13:00:00Z' } }],
  productionSeries: () => [{ params: { from: '2026-03-02T05:00:00Z', to: '2026-03-02T13:00:00Z' } }],
  listShiftReports: () => [{ params: {} }],
  shiftReport: () => [{ params: { id: 1 } }],
  saveHandOverNote: () => [{ params: { id: 1, text: 'All quiet.' } }],
  signOffShift: () => [{ params: { id: 1 } }],
  exportShiftReport: () => [{ params: { id: 1, lang: 'en' } }],
  saveShiftReportPdf: () => [{ params: { id: 1 } }],
};

const PINS: Record<Role, string> = { operator: '1357', supervisor: '8642', it: '246810' };

/** Refused calls the audit holds, a repeat counting as one more. */
async function refusedSoFar(core: TestConsole): Promise<number> {
  const page = await core.handlers.listAuditEvents({ kind: 'refused', offset: 0, limit: 1000 });
  if (!page.ok) throw new Error(page.error.message);
  return page.value.rows.reduce((n, r) => n + 1 + (r.repeats ?? 0), 0);
}

async function console3Roles() {
  const clock = testClock();
  // Some 200 calls, each read back from the audit: commits without fsync keep it quick on a busy machine.
  const { core, aida } = await fake.start({}, { durability: 'crash' }, { now: clock.now });
  await core.post(pascalMessage('WorkflowSchedulerSuspended', { ErrorCode: 'FeederEmpty' }));
  await core.post(ocrExecuted('7'));
  // Decided while the station is still open: a Stop (an operator's) and an Abort (a supervisor's), both failed.
  aida.respond('/aida/v1/workflow-scheduler/stop', 409, { message: 'busy' });
  const stop = await core.handlers.stop({ machineId: 'm1' });
  const abort = await core.handlers.abort({ machineId: 'm1' });
  if (!stop.ok || !abort.ok) throw new Error('open-station commands');
  const first = await core.handlers.createFirstAccount({ name: 'Ida', pin: PINS.it });
  const ids: Record<Role, number> = { it: first.ok && first.value.person ? first.value.person.accountId : 0, operator: 0, supervisor: 0 };
  for (const role of ['operator', 'supervisor'] as const) {
    const made = await core.handlers.createAccount({ name: role, role, pin: PINS[role], mustChangePin: false });
    if (!made.ok) throw new Error(made.error.message);
    ids[role] = made.value.id;
  }
  const spare = await core.handlers.createAccount({ name: 'Spare', role: 'operator', pin: '1111', mustChangePin: false });
  if (!spare.ok) throw new Error(spare.error.message);
  let n = 0;
  const fixture: Fixture = { spare: spare.value.id, operatorCommand: stop.value.id, supervisorCommand: abort.value.id, next: () => ++n };
  return { core, clock, ids, fixture };
}

describe('the permission matrix, enforced by the core', () => {
  it('every method × every role (and nobody signed in), through the real handlers: allowed, or refused with its reason and audited', async () => {
    expect(Object.keys(CALLS).sort()).toEqual([...METHOD_NAMES].sort());
    const { core, clock, ids, fixture } = await console3Roles();
    const sessions = { operator: core.people.open('app'), supervisor: core.people.open('app'), it: core.people.open('app') };
    const nobody = core.people.open('app');
    /** Signs the role in again after a call that signed it out (signOut, lockStation), past any wait a wrong PIN left. */
    const callerOf = async (role: Role | undefined, method: MethodName) => {
      if (role === undefined) return core.people.callerFor(nobody, method);
      const session = sessions[role];
      if (!core.people.callerFor(session, method)?.person) {
        clock.advance(3_600_000);
        const signed: Result<unknown> = await core.handlersFor(session).signIn({ accountId: ids[role], pin: PINS[role] });
        if (!signed.ok) throw new Error(`${role}: ${signed.error.message}`);
      }
      return core.people.callerFor(session, method);
    };

    const seen: string[] = [];
    let refusedBefore = await refusedSoFar(core);
    for (const method of METHOD_NAMES) {
      for (const { params, facts = {} } of CALLS[method](fixture)) {
        for (const role of ['operator', 'supervisor', 'it', undefined] as const) {
          const expected = role === undefined ? (allowedSignedOut(method) ? 'allowed' : 'refused') : permissionFor(method, role, params, facts);
          const caller = await callerOf(role, method);
          const result = await core.dispatch(method, params, caller);
          const refusedAfter = await refusedSoFar(core);
          const refused = refusedAfter > refusedBefore;
          refusedBefore = refusedAfter;
          const label = `${method} ${JSON.stringify(params)} as ${role ?? 'nobody'}`;
          expect(refused, `${label}: ${JSON.stringify(result)}`).toBe(expected !== 'allowed');
          if (refused) {
            const reason = refusalReason(method, role, params, facts);
            expect(result, label).toEqual({ ok: false, error: { code: 'not-allowed', message: reason?.text, text: reason?.coded } });
            // Every refusal reads whole in German too: no key missing, no English left in it.
            expect(say(translator('de'), reason?.coded as CodedText), label).toMatch(/^(„|Niemand)/);
          }
          seen.push(`${method}/${role ?? 'nobody'}`);
        }
      }
    }
    expect(new Set(seen).size).toBe(METHOD_NAMES.length * 4);
  }, 60_000);
});

describe("the matrix's defaults (issue 13)", () => {
  const may = (method: MethodName, role: Role, params: object = {}, facts: PermissionFacts = {}) => permissionFor(method, role, params, facts);

  it('operators resume, stop, start, mark Encoded, acknowledge and silence; anything that destroys a card needs a supervisor', () => {
    for (const method of ['resume', 'stop', 'startIssuance', 'acknowledgeAlert', 'acknowledgeFeedAlert', 'silenceReminder'] as const) {
      expect(may(method, 'operator'), method).toBe('allowed');
    }
    expect(may('decide', 'operator', { outcome: 'Completed' })).toBe('allowed');
    for (const outcome of ['Faulted', 'Canceled']) {
      expect(may('decide', 'operator', { outcome })).toBe('step-up');
      expect(may('decide', 'supervisor', { outcome })).toBe('allowed');
    }
    expect(may('abort', 'operator')).toBe('step-up');
    expect(may('abort', 'supervisor')).toBe('allowed');
  });

  it("Send again needs the original decision's role", () => {
    expect(may('retryCommand', 'operator', {}, { originalRole: 'operator' })).toBe('allowed');
    expect(may('retryCommand', 'operator', {}, { originalRole: 'supervisor' })).toBe('step-up');
    expect(may('retryCommand', 'supervisor', {}, { originalRole: 'supervisor' })).toBe('allowed');
  });

  it('IT manages accounts and settings, and only IT; every role reads', () => {
    for (const method of ['listAccounts', 'createAccount', 'updateAccount', 'resetPin', 'clearLock', 'setSetting', 'resetSetting'] as const) {
      expect([may(method, 'operator'), may(method, 'supervisor'), may(method, 'it')], method).toEqual(['refused', 'refused', 'allowed']);
    }
    for (const method of ['getSnapshot', 'listJobs', 'listReviews', 'listAudit', 'listAuditEvents', 'getSettings'] as const) {
      expect([may(method, 'operator'), may(method, 'supervisor'), may(method, 'it')], method).toEqual(['allowed', 'allowed', 'allowed']);
      expect(allowedSignedOut(method)).toBe(true);
    }
    expect(allowedSignedOut('resume')).toBe(false);
    expect(allowedSignedOut('silenceReminder')).toBe(true);
  });
});
