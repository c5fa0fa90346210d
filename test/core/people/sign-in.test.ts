import { describe, expect, it } from 'vitest';
import type { ConsoleEvent } from '../../../shared/api/contract';
import { stationTime } from '../../../electron/core/people/local-time';
import { consoleWithFakeAida } from '../../helpers/core';
import { peopleEvents, staffed, testClock } from './people-helpers';

const fake = consoleWithFakeAida();

async function staffedConsole(file = {}) {
  const clock = testClock();
  const { core } = await fake.start({}, file, { now: clock.now });
  const ids = await staffed(core);
  return { core, clock, ids };
}

describe('signing in', () => {
  it('by name or by badge, then a PIN; the person is who the core names on every call of that session only', async () => {
    const { core, ids } = await staffedConsole();
    const session = core.people.open('app');
    const other = core.people.open('app');
    const byName = await core.handlersFor(session).signIn({ accountId: ids.operator, pin: '1357' });
    expect(byName).toMatchObject({ ok: true, value: { person: { name: 'Olga', role: 'operator' }, signInRequired: false } });
    expect(core.people.callerFor(session, 'resume')).toMatchObject({ person: { name: 'Olga', role: 'operator' }, open: false });
    expect(core.people.callerFor(other, 'resume')?.person).toBeUndefined();

    const byBadge = await core.handlersFor(other).signIn({ badge: '00123456', pin: '1357' });
    expect(byBadge).toMatchObject({ ok: true, value: { person: { name: 'Olga' } } });
    expect(await core.handlersFor(other).signIn({ badge: '99999999', pin: '1357' })).toMatchObject({ ok: false, error: { message: /badge is not known/ } });

    await core.handlersFor(session).signOut({});
    expect(core.people.callerFor(session, 'resume')?.person).toBeUndefined();
    const events = peopleEvents(core).filter((e) => e.event.includes('sign'));
    expect(events.map((e) => [e.event, e.account_name, e.role])).toEqual([
      ['sign-in', 'Ida', 'it'],
      ['sign-in', 'Olga', 'operator'],
      ['sign-in', 'Olga', 'operator'],
      ['sign-in-failed', 'unknown badge', null],
      ['sign-out', 'Olga', 'operator'],
    ]);
    expect(events.every((e) => e.station === core.config.station)).toBe(true);
  });

  it('slows down wrong PINs, locks after five for five minutes, and opens again by itself', async () => {
    const { core, clock, ids } = await staffedConsole();
    const h = core.handlersFor(core.people.open('app'));
    const wrong = () => h.signIn({ accountId: ids.operator, pin: '0000' });
    expect(await wrong()).toMatchObject({ ok: false, error: { message: /next try is possible in 1 s/ } });
    expect(await h.signIn({ accountId: ids.operator, pin: '1357' })).toMatchObject({ ok: false, error: { message: /wait 1 s/ } });
    for (const seconds of [1, 2, 4, 8]) {
      clock.advance(seconds * 1000);
      await wrong();
    }
    expect(await h.signIn({ accountId: ids.operator, pin: '1357' })).toMatchObject({ ok: false, error: { message: new RegExp(`locked .* until ${stationTime(new Date('2026-03-02T08:05:00Z'), clock.now())};`) } });
    const listed = await core.handlers.listAccounts({});
    expect(listed.ok && listed.value.find((a) => a.name === 'Olga')?.lockedUntil).toBeTruthy();
    expect(peopleEvents(core).filter((e) => e.event === 'locked').map((e) => e.account_name)).toEqual(['Olga']);

    clock.advance(5 * 60_000);
    expect(await h.signIn({ accountId: ids.operator, pin: '1357' })).toMatchObject({ ok: true, value: { person: { name: 'Olga' } } });
  });

  it('lets IT clear a lock and reset a PIN, the new one to be changed at the next sign-in', async () => {
    const { core, clock, ids } = await staffedConsole();
    const h = core.handlersFor(core.people.open('app'));
    for (let i = 0; i < 5; i++) {
      await h.signIn({ accountId: ids.supervisor, pin: '0000' });
      clock.advance(10_000);
    }
    expect(await h.signIn({ accountId: ids.supervisor, pin: '8642' })).toMatchObject({ ok: false, error: { message: /locked/ } });
    expect(await core.handlers.clearLock({ id: ids.supervisor })).toMatchObject({ ok: true, value: { name: 'Sven' } });
    expect(await core.handlers.resetPin({ id: ids.supervisor, pin: '97531', mustChangePin: true })).toMatchObject({ ok: true, value: { mustChangePin: true } });

    const signedIn = await h.signIn({ accountId: ids.supervisor, pin: '97531' });
    expect(signedIn).toMatchObject({ ok: true, value: { mustChangePin: true, person: { name: 'Sven' } } });
    // Until the new PIN is chosen, the core names nobody at this session: nothing is done as Sven.
    const sessionId = core.people.open('app');
    const sven = core.handlersFor(sessionId);
    await sven.signIn({ accountId: ids.supervisor, pin: '97531' });
    expect(core.people.callerFor(sessionId, 'decide')?.person).toBeUndefined();
    expect(await sven.changeOwnPin({ current: '97531', next: '12' })).toMatchObject({ ok: false, error: { message: /4 to 8 digits/ } });
    // The current PIN is checked like a sign-in: a session left open is no way to guess it.
    expect(await sven.changeOwnPin({ current: '0000', next: '24680' })).toMatchObject({ ok: false, error: { message: /Wrong PIN. The next try is possible in 1 s/ } });
    clock.advance(1000);
    expect(await sven.changeOwnPin({ current: '97531', next: '24680' })).toMatchObject({ ok: true, value: { mustChangePin: false } });
    expect(core.people.callerFor(sessionId, 'decide')).toMatchObject({ person: { name: 'Sven', role: 'supervisor' } });
    expect(peopleEvents(core).map((e) => e.event)).toEqual(expect.arrayContaining(['lock-cleared', 'pin-reset', 'pin-changed']));
  });

  it('signs a disabled account out wherever it is signed in, and keeps it off the names to tap', async () => {
    const { core, ids } = await staffedConsole();
    const sessionId = core.people.open('app');
    await core.handlersFor(sessionId).signIn({ accountId: ids.operator, pin: '1357' });
    expect(await core.handlers.updateAccount({ id: ids.operator, disabled: true })).toMatchObject({ ok: true, value: { disabled: true } });
    expect(core.people.callerFor(sessionId, 'resume')?.person).toBeUndefined();
    const view = await core.handlersFor(sessionId).getSession({});
    expect(view.ok && view.value.signInNames.map((n) => n.name)).toEqual(['Ida', 'Sven']);
    expect(await core.handlersFor(sessionId).signIn({ accountId: ids.operator, pin: '1357' })).toMatchObject({ ok: false });
    expect(await core.handlers.updateAccount({ id: ids.it, role: 'operator' })).toMatchObject({ ok: false, error: { message: /last enabled IT/ } });
  });
});

describe('idle sign-out, on the core clock', () => {
  it('signs a person out after auth.idleMinutes without activity, telling that session only', async () => {
    const { core, clock, ids } = await staffedConsole({ auth: { idleMinutes: 10 } });
    const [a, b] = [core.people.open('app'), core.people.open('app')];
    const heard: Record<string, ConsoleEvent[]> = { a: [], b: [] };
    core.people.listen(a, (e) => heard['a']?.push(e));
    core.people.listen(b, (e) => heard['b']?.push(e));
    await core.handlersFor(a).signIn({ accountId: ids.operator, pin: '1357' });
    expect(heard['a']).toHaveLength(1);

    // The UI's own reads (refreshing lists when something changes) do not keep anyone signed in.
    clock.advance(6 * 60_000);
    await core.handlersFor(a).getSnapshot({});
    clock.advance(4 * 60_000);
    core.people.sessions.expireIdle();
    expect(core.people.callerFor(a, 'resume')?.person).toBeUndefined();
    expect(heard['a']?.at(-1)).toMatchObject({ type: 'session', session: { signInRequired: true } });
    expect(heard['a']?.at(-1)).not.toHaveProperty('session.person');
    expect(heard['b']).toEqual([]);
    expect(peopleEvents(core).at(-1)).toMatchObject({ event: 'idle-sign-out', account_name: 'Olga', role: 'operator' });
  });

  it('keeps a person signed in while they act, or while the UI sees them (getSession)', async () => {
    const { core, clock, ids } = await staffedConsole();
    const a = core.people.open('app');
    await core.handlersFor(a).signIn({ accountId: ids.operator, pin: '1357' });
    for (let i = 0; i < 3; i++) {
      clock.advance(9 * 60_000);
      await core.handlersFor(a).getSession({});
    }
    expect(core.people.callerFor(a, 'listJobs')).toMatchObject({ person: { name: 'Olga' } });
    clock.advance(10 * 60_000);
    expect(core.people.callerFor(a, 'resume')?.person).toBeUndefined();
  });

  it('signs out at once when the station asks (the UI saw nobody): lockStation', async () => {
    const { core, ids } = await staffedConsole();
    const a = core.people.open('app');
    await core.handlersFor(a).signIn({ accountId: ids.operator, pin: '1357' });
    expect(await core.handlersFor(a).lockStation({})).toMatchObject({ ok: true, value: { signInRequired: true } });
    expect(peopleEvents(core).at(-1)).toMatchObject({ event: 'idle-sign-out', account_name: 'Olga' });
  });
});
