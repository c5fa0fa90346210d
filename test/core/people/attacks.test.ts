import { describe, expect, it } from 'vitest';
import { consoleWithFakeAida } from '../../helpers/core';
import { peopleEvents, staffed, testClock } from './people-helpers';

/**
 * What someone might try against the sign-in: act as someone else, open the station from the LAN, guess a PIN faster
 * than the lockout allows (at once, through step-up, by badge), or keep a session signed in past its idle limit.
 */
const fake = consoleWithFakeAida();

async function staffedConsole() {
  const clock = testClock();
  const { core } = await fake.start({}, {}, { now: clock.now });
  const ids = await staffed(core);
  return { core, clock, ids };
}

const wrongPins = (core: Awaited<ReturnType<typeof staffedConsole>>['core']) =>
  peopleEvents(core).filter((e) => /failed$/.test(e.event) && /Wrong PIN/.test(e.detail ?? '')).length;

const lockedAccount = async (core: Awaited<ReturnType<typeof staffedConsole>>['core'], name: string) => {
  const list = await core.handlers.listAccounts({});
  return list.ok ? list.value.find((a) => a.name === name)?.lockedUntil : undefined;
};

describe('acting as someone else', () => {
  it('a forged frame naming a person, an account or a session acts as nobody but its own session', async () => {
    const { core } = await staffedConsole();
    const lan = core.people.open('serve-lan');
    const caller = core.people.callerFor(lan, 'resume');
    if (!caller) throw new Error('no caller');
    const forged = { machineId: 'm1', person: { accountId: 1, name: 'Ida', role: 'it' }, accountId: 1, sessionId: 'x', caller: { open: true } };
    expect(await core.dispatch('resume', forged, caller)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await core.dispatch('resume', { machineId: 'm1' }, caller)).toMatchObject({ ok: false, error: { code: 'not-allowed', message: /Nobody is signed in/ } });
    expect(await core.dispatch('createAccount', { name: 'Eve', role: 'it', pin: '13572468', mustChangePin: false }, caller)).toMatchObject({
      ok: false,
      error: { code: 'not-allowed' },
    });
    const accounts = await core.handlers.listAccounts({});
    expect(accounts.ok && accounts.value.map((a) => a.name)).not.toContain('Eve');
  });

  it('an operator cannot make themselves IT, nor reset or clear anyone', async () => {
    const { core, ids } = await staffedConsole();
    const olga = core.handlersFor(core.people.open('app'));
    await olga.signIn({ accountId: ids.operator, pin: '1357' });
    expect(await olga.updateAccount({ id: ids.operator, role: 'it' })).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    expect(await olga.resetPin({ id: ids.supervisor, pin: '11112222', mustChangePin: false })).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    expect(await olga.clearLock({ id: ids.operator })).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
  });
});

describe('the first account', () => {
  it('cannot be made from the LAN, even while the station is still open', async () => {
    const { core } = await fake.start();
    const lan = core.handlersFor(core.people.open('serve-lan'));
    expect(await lan.createFirstAccount({ name: 'Eve', pin: '13572468' })).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    expect(await lan.createAccount({ name: 'Eve', role: 'it', pin: '13572468', mustChangePin: false })).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    expect(peopleEvents(core)).toEqual([]);
  });
});

describe('guessing a PIN faster than the lockout', () => {
  it('many guesses at once: one is checked, the others refused unchecked, the right PIN among them too', async () => {
    const { core, ids } = await staffedConsole();
    const sessions = Array.from({ length: 8 }, () => core.handlersFor(core.people.open('app')));
    const results = await Promise.all(sessions.map((h, i) => h.signIn({ accountId: ids.operator, pin: i === 7 ? '1357' : `00${i}0` })));
    expect(results[0]).toMatchObject({ ok: false, error: { message: /Wrong PIN/ } });
    expect(results.slice(1).every((r) => !r.ok && /being checked/.test(r.error.message))).toBe(true);
    expect(wrongPins(core)).toBe(1);
  });

  it('guesses through sign-in, step-up and PIN change at once share the one check and the one counter', async () => {
    const { core, clock, ids } = await staffedConsole();
    const olga = core.handlersFor(core.people.open('app'));
    await olga.signIn({ accountId: ids.operator, pin: '1357' });
    const other = core.handlersFor(core.people.open('app'));
    const sven = { accountId: ids.supervisor, pin: '0000' };
    const results = await Promise.all([
      other.signIn(sven),
      olga.decide({ reviewId: 999, outcome: 'Faulted', reason: 'x', supervisor: { ...sven, pin: '0001' } }),
      olga.abort({ machineId: 'm1', supervisor: { ...sven, pin: '0002' } }),
    ]);
    expect(results.filter((r) => !r.ok && /being checked/.test(r.error.message))).toHaveLength(2);
    clock.advance(60_000);
    expect(wrongPins(core)).toBe(1);
  });

  it("step-up on decide is no PIN oracle: its wrong PINs lock the supervisor's account like sign-in's", async () => {
    const { core, clock, ids } = await staffedConsole();
    const olga = core.handlersFor(core.people.open('app'));
    await olga.signIn({ accountId: ids.operator, pin: '1357' });
    for (let i = 0; i < 5; i++) {
      await olga.decide({ reviewId: 999, outcome: 'Faulted', reason: 'x', supervisor: { accountId: ids.supervisor, pin: `111${i}` } });
      clock.advance(20_000);
    }
    expect(await lockedAccount(core, 'Sven')).toBeTruthy();
    const right = await olga.decide({ reviewId: 999, outcome: 'Faulted', reason: 'x', supervisor: { accountId: ids.supervisor, pin: '8642' } });
    expect(right).toMatchObject({ ok: false, error: { message: /Step-up refused: Sven is locked/ } });
    expect(await core.handlersFor(core.people.open('app')).signIn({ accountId: ids.supervisor, pin: '8642' })).toMatchObject({ ok: false, error: { message: /locked/ } });
  });

  it('step-up from a station where nobody is signed in checks no credential at all', async () => {
    const { core, ids } = await staffedConsole();
    const nobody = core.handlersFor(core.people.open('app'));
    const tried = await nobody.decide({ reviewId: 999, outcome: 'Faulted', reason: 'x', supervisor: { accountId: ids.supervisor, pin: '8642' } });
    expect(tried).toMatchObject({ ok: false, error: { message: /Nobody is signed in/ } });
    expect(peopleEvents(core).filter((e) => e.event.startsWith('step-up'))).toEqual([]);
  });

  it("a badge with wrong PINs counts against its account's lock, the same as by name", async () => {
    const { core, clock, ids } = await staffedConsole();
    const h = core.handlersFor(core.people.open('serve-lan'));
    for (let i = 0; i < 5; i++) {
      await h.signIn({ badge: '00123456', pin: `000${i}` });
      clock.advance(20_000);
    }
    expect(await h.signIn({ accountId: ids.operator, pin: '1357' })).toMatchObject({ ok: false, error: { message: /locked/ } });
    expect(await h.signIn({ badge: '00123456', pin: '1357' })).toMatchObject({ ok: false, error: { message: /locked/ } });
  });

  it('guessing badges: after a few unknown badges, badges wait, so that which badges exist cannot be listed at speed', async () => {
    const { core, clock, ids } = await staffedConsole();
    const h = core.handlersFor(core.people.open('serve-lan'));
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await h.signIn({ badge: `9900000${i}`, pin: '1357' }));
    // The known badge tried now is refused the same way as an unknown one: its existence is not told.
    const known = await h.signIn({ badge: '00123456', pin: '1357' });
    expect(answers.at(-1)).toMatchObject({ ok: false, error: { message: /Badges wait/ } });
    expect(known).toMatchObject({ ok: false, error: { message: /Badges wait/ } });
    // Names still work meanwhile, and badges again once the wait is over.
    expect(await h.signIn({ accountId: ids.operator, pin: '1357' })).toMatchObject({ ok: true });
    clock.advance(30_000);
    expect(await h.signIn({ badge: '00123456', pin: '1357' })).toMatchObject({ ok: true, value: { person: { name: 'Olga' } } });
  });
});

describe('idle sign-out', () => {
  it('reads on their own do not keep a person signed in, and nothing after the limit brings them back', async () => {
    const { core, clock, ids } = await staffedConsole();
    const session = core.people.open('serve-lan');
    const h = core.handlersFor(session);
    await h.signIn({ accountId: ids.operator, pin: '1357' });
    for (let minute = 0; minute < 12; minute++) {
      clock.advance(60_000);
      await h.getSnapshot({});
      await h.listAuditEvents({ offset: 0, limit: 1 });
    }
    expect(core.people.callerFor(session, 'resume')?.person).toBeUndefined();
    expect(await h.resume({ machineId: 'm1' })).toMatchObject({ ok: false, error: { message: /Nobody is signed in/ } });
    expect(peopleEvents(core).filter((e) => e.event === 'idle-sign-out').map((e) => e.account_name)).toContain('Olga');
  });
});
