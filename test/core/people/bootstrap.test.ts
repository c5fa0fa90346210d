import { describe, expect, it } from 'vitest';
import { consoleWithFakeAida, startTestConsole, testConfig } from '../../helpers/core';
import { peopleEvents, staffed } from './people-helpers';

const fake = consoleWithFakeAida();

describe('an open station until the first account exists', () => {
  it('acts as the OS user with nobody signed in, and says so', async () => {
    const { core } = await fake.start();
    const session = await core.handlers.getSession({});
    expect(session).toMatchObject({ ok: true, value: { openStation: true, signInRequired: false, canCreateFirstAccount: true, training: false } });
    const caller = core.people.callerFor(core.people.open('app'), 'resume');
    expect(caller).toMatchObject({ open: true, via: 'app' });
    expect(caller?.person).toBeUndefined();
    expect(caller?.osUser).toBe(session.ok ? session.value.osUser : '');
  });

  it('lets this computer create the first account, always IT, signed in at once; then everyone must sign in', async () => {
    const { core } = await fake.start();
    const created = await core.handlers.createFirstAccount({ name: 'Ida', pin: '246810' });
    expect(created).toMatchObject({ ok: true, value: { person: { name: 'Ida', role: 'it' }, openStation: false, signInRequired: false } });
    const other = core.handlersFor(core.people.open('app'));
    expect(await other.getSession({})).toMatchObject({
      value: { openStation: false, signInRequired: true, canCreateFirstAccount: false, signInNames: [{ name: 'Ida', role: 'it' }] },
    });
    expect(core.people.callerFor(core.people.open('app'), 'resume')).toMatchObject({ open: false });
    expect(await other.createFirstAccount({ name: 'Eve', pin: '13572468' })).toMatchObject({ ok: false, error: { message: /exists already/ } });
    expect(peopleEvents(core).map((e) => [e.event, e.account_name])).toEqual([
      ['account-created', 'Ida'],
      ['sign-in', 'Ida'],
    ]);
  });

  it('never opens to a thin client on the LAN, nor lets it create the first account', async () => {
    const { core } = await fake.start();
    const lan = core.people.open('serve-lan');
    expect(core.people.callerFor(lan, 'resume')).toMatchObject({ open: false, via: 'serve-lan' });
    const handlers = core.handlersFor(lan);
    expect(await handlers.getSession({})).toMatchObject({ value: { openStation: false, signInRequired: true, canCreateFirstAccount: false } });
    expect(await handlers.createFirstAccount({ name: 'Eve', pin: '13572468' })).toMatchObject({ ok: false, error: { message: /own computer/ } });
    const loopback = core.handlersFor(core.people.open('serve-loopback'));
    expect(await loopback.createFirstAccount({ name: 'Ida', pin: '246810' })).toMatchObject({ ok: true });
  });

  it('with auth.required, asks for sign-in from the first start, the first screen creating the IT account', async () => {
    const { core } = await fake.start({}, { auth: { required: true } });
    expect(await core.handlers.getSession({})).toMatchObject({ value: { openStation: false, signInRequired: true, canCreateFirstAccount: true } });
    expect(core.people.callerFor(core.people.open('app'), 'resume')).toMatchObject({ open: false });
    expect(await core.handlers.createFirstAccount({ name: 'Ida', pin: '246810' })).toMatchObject({ ok: true, value: { person: { name: 'Ida' } } });
  });

  it('refuses a first IT PIN too short, and a second account with the same name in another case', async () => {
    const { core } = await fake.start();
    expect(await core.handlers.createFirstAccount({ name: 'Ida', pin: '1234' })).toMatchObject({ ok: false, error: { message: /6 digits/ } });
    await staffed(core);
    expect(await core.handlers.createAccount({ name: ' olga ', role: 'operator', pin: '1111', mustChangePin: true })).toMatchObject({
      ok: false,
      error: { message: /already an account named olga/ },
    });
  });
});

describe('training mode', () => {
  it('never asks anyone to sign in, even with auth.required', async () => {
    const core = await startTestConsole(testConfig({ auth: { required: true } }));
    try {
      expect(await core.handlers.getSession({})).toMatchObject({ value: { training: true, signInRequired: false, canCreateFirstAccount: false } });
      expect(core.people.callerFor(core.people.open('serve-lan'), 'trainingAction')).toMatchObject({ open: true });
    } finally {
      await core.stop();
    }
  });
});
