import { describe, expect, it } from 'vitest';
import { consoleWithFakeAida } from '../../helpers/core';
import { staffed, testClock } from './people-helpers';

const fake = consoleWithFakeAida();

describe("the accounts' own events in the audit", () => {
  it('name the role and station of the person concerned: sign-ins, failures, sign-outs and IT changing an account', async () => {
    const clock = testClock();
    const { core } = await fake.start({}, {}, { now: clock.now });
    const ids = await staffed(core);
    const session = core.handlersFor(core.people.open('app'));
    await session.signIn({ accountId: ids.operator, pin: '0000' });
    clock.advance(5_000);
    await session.signIn({ accountId: ids.operator, pin: '1357' });
    await session.signOut({});
    const page = await core.handlers.listAuditEvents({ kind: 'account', offset: 0, limit: 50 });
    if (!page.ok) throw new Error(page.error.message);
    const rows = page.value.rows.map((r) => [r.detail?.split(':')[0], r.actor, r.role, r.station]).reverse();
    const station = core.config.station;
    expect(rows).toEqual([
      ['account-created', expect.any(String), 'it', station],
      ['sign-in', 'Ida', 'it', station],
      ['account-created', 'Ida', 'it', station],
      ['account-created', 'Ida', 'it', station],
      ['sign-in-failed', expect.any(String), 'operator', station],
      ['sign-in', 'Olga', 'operator', station],
      ['sign-out', 'Olga', 'operator', station],
    ]);
  });
});
