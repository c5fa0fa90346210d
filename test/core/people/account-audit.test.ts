import { describe, expect, it } from 'vitest';
import { sayOr } from '../../../shared/i18n/say';
import { translator } from '../../../shared/i18n/translate';
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

  it("are stored with their codes: the English lines as always, and each reader's own language", async () => {
    const clock = testClock();
    const { core } = await fake.start({}, {}, { now: clock.now });
    const ids = await staffed(core);
    const session = core.handlersFor(core.people.open('app'));
    await session.signIn({ accountId: ids.operator, pin: '0000' });
    await core.handlers.updateAccount({ id: ids.operator, role: 'supervisor', badge: null });
    const page = await core.handlers.listAuditEvents({ kind: 'account', offset: 0, limit: 50 });
    if (!page.ok) throw new Error(page.error.message);
    const [changed, failed] = page.value.rows;

    expect(failed).toMatchObject({
      detail: 'sign-in-failed: by name: Wrong PIN. The next try is possible in 1 s.',
      detailText: {
        code: 'auditDetails:line',
        params: {
          event: { code: 'auditDetails:event.sign-in-failed' },
          detail: { code: 'auditDetails:howWhy', params: { how: { code: 'auditDetails:how.name' }, why: { code: 'refusals:wrongPinWait', params: { seconds: 1 } } } },
        },
      },
    });
    expect(changed?.detail).toBe('account-changed: role operator → supervisor, badge removed');
    const english = translator('en');
    const german = translator('de');
    for (const row of page.value.rows) expect(sayOr(english, row.detailText, '')).toBe(row.detail);
    const inGerman = page.value.rows.map((r) => sayOr(german, r.detailText, r.detail ?? '')).reverse();
    expect(inGerman).toEqual([
      'Konto angelegt: Rolle IT',
      'Anmeldung: als erstes Konto',
      'Konto angelegt: Rolle Bediener, mit Ausweis',
      'Konto angelegt: Rolle Schichtleitung',
      'Anmeldung abgelehnt: mit Namen: Falsche PIN. Der nächste Versuch ist in 1 s möglich.',
      'Konto geändert: Rolle Bediener → Schichtleitung, Ausweis entfernt',
    ]);
  });
});
