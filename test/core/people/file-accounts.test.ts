import { afterEach, describe, expect, it } from 'vitest';
import { loadLayeredConfig } from '../../../electron/core/config/layered';
import { badgeKey, hashPin } from '../../../electron/core/people/pin-hash';
import { startTestConsole, tempDir, testConfig, type TestConsole } from '../../helpers/core';
import { tempLocations, writeJson } from '../config/helpers';
import { peopleEvents } from './people-helpers';

let core: TestConsole | undefined;
afterEach(async () => {
  await core?.stop();
  core = undefined;
});

const machine = { machines: [{ id: 'm1', apiUrl: 'http://127.0.0.1:9/', kind: 'box' as const }] };

describe('accounts IT provisions in the machine-wide file', () => {
  it('are read from the machine-wide file only', async () => {
    const locations = tempLocations();
    const person = { name: 'Sam', role: 'supervisor', pinHash: await hashPin('8642') };
    writeJson(locations.machine, { people: [person] });
    writeJson(locations.user, { people: [{ ...person, name: 'Mallory', role: 'it' }] });
    const loaded = loadLayeredConfig([], { locations, fallbackDataDir: locations.dir });
    expect(loaded.config.people.map((p) => p.name)).toEqual(['Sam']);
    expect(loaded.problems).toContainEqual(expect.objectContaining({ where: locations.user, key: 'people', message: expect.stringMatching(/only the machine-wide file/) }));
    expect(loaded.origins.has('people')).toBe(false);

    writeJson(locations.machine, { people: [{ name: 'Sam', role: 'supervisor', pinHash: '8642' }] });
    const plain = loadLayeredConfig([], { locations, fallbackDataDir: locations.dir });
    expect(plain.config.people).toEqual([]);
    expect(plain.problems.map((p) => p.message).join(' ')).toMatch(/--hash-pin/);
    expect(JSON.stringify(plain.problems)).not.toContain('"8642"');
  });

  it('sign in like any, are read-only here, and are disabled (not deleted) once removed from the file', async () => {
    const dataDir = tempDir();
    const people = [
      { name: 'Ivy', role: 'it' as const, pinHash: await hashPin('24681012') },
      { name: 'Sam', role: 'supervisor' as const, pinHash: await hashPin('8642'), badgeHash: badgeKey('00777777') },
      { name: 'Tia', role: 'operator' as const, pinHash: await hashPin('1357') },
    ];
    core = await startTestConsole(testConfig({ ...machine, people }, dataDir));
    const session = await core.handlers.getSession({});
    expect(session).toMatchObject({ value: { openStation: false, signInRequired: true, canCreateFirstAccount: false } });
    const ivy = session.ok ? (session.value.signInNames.find((n) => n.name === 'Ivy')?.accountId ?? 0) : 0;
    expect(await core.handlers.signIn({ accountId: ivy, pin: '24681012' })).toMatchObject({ ok: true, value: { person: { role: 'it' } } });
    const listed = await core.handlers.listAccounts({});
    expect(listed).toMatchObject({ ok: true, value: [{ name: 'Ivy' }, { name: 'Sam', source: 'file', hasBadge: true }, { name: 'Tia', source: 'file', role: 'operator' }] });
    const sam = listed.ok ? (listed.value[1]?.id ?? 0) : 0;
    expect(await core.handlers.updateAccount({ id: sam, role: 'it' })).toMatchObject({ ok: false, error: { message: /machine-wide file/ } });
    expect(await core.handlers.resetPin({ id: sam, pin: '1111', mustChangePin: true })).toMatchObject({ ok: false, error: { message: /machine-wide file/ } });
    const samAt = core.handlersFor(core.people.open('app'));
    expect(await samAt.signIn({ badge: '00777777', pin: '8642' })).toMatchObject({ ok: true, value: { person: { name: 'Sam', role: 'supervisor' } } });
    expect(await samAt.changeOwnPin({ current: '8642', next: '2222' })).toMatchObject({ ok: false, error: { message: /machine-wide file/ } });
    await core.stop();

    core = await startTestConsole(testConfig({ ...machine, people: people.filter((p) => p.name !== 'Sam') }, dataDir));
    await core.handlers.signIn({ accountId: ivy, pin: '24681012' });
    const after = await core.handlers.listAccounts({});
    expect(after).toMatchObject({ ok: true, value: [{ name: 'Ivy' }, { name: 'Sam', disabled: true }, { name: 'Tia', disabled: false }] });
    expect(await core.handlers.signIn({ badge: '00777777', pin: '8642' })).toMatchObject({ ok: false });
    expect(peopleEvents(core).map((e) => [e.event, e.account_name, e.detail])).toEqual(
      expect.arrayContaining([
        ['account-provisioned', 'Sam', 'role supervisor, from the machine-wide file'],
        ['sign-in', 'Sam', 'by badge'],
        ['account-changed', 'Sam', 'disabled: removed from the machine-wide file'],
      ]),
    );
  });
});
