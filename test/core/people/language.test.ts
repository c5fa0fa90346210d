import { describe, expect, it } from 'vitest';
import { loadLayeredConfig } from '../../../electron/core/config/layered';
import { Settings } from '../../../electron/core/config/settings';
import type { SessionView } from '../../../shared/api/people';
import { sayOr } from '../../../shared/i18n/say';
import { translator } from '../../../shared/i18n/translate';
import { consoleWithFakeAida } from '../../helpers/core';
import { fakeKeychain, tempLocations } from '../config/helpers';
import { staffed } from './people-helpers';

const fake = consoleWithFakeAida();

/** A console with a settings screen over config files of its own, its station language as given. */
async function station(language?: 'en' | 'de') {
  const locations = tempLocations();
  const load = () => loadLayeredConfig([], { locations, fallbackDataDir: locations.dir, keychain: fakeKeychain });
  const { core } = await fake.start({}, language ? { language } : {}, { settings: new Settings(load(), load, fakeKeychain) });
  return core;
}

const languages = (view: { ok: boolean; value?: SessionView }) =>
  view.ok && view.value ? { language: view.value.language, stationLanguage: view.value.stationLanguage, ownLanguage: view.value.ownLanguage } : view;

describe("the page's language", () => {
  it("is the station's while nobody is signed in, and English by default", async () => {
    const english = await station();
    expect(languages(await english.handlers.getSession({}))).toEqual({ language: 'en', stationLanguage: 'en', ownLanguage: undefined });
    await english.stop();
    const german = await station('de');
    expect(languages(await german.handlers.getSession({}))).toEqual({ language: 'de', stationLanguage: 'de', ownLanguage: undefined });
  });

  it("follows the signed-in person's own language, kept on their account; signed out, the station's again", async () => {
    const core = await station('en');
    const ids = await staffed(core);
    const olga = core.people.open('app');
    const as = core.handlersFor(olga);
    await as.signIn({ accountId: ids.operator, pin: '1357' });
    expect(languages(await as.setOwnLanguage({ language: 'de' }))).toEqual({ language: 'de', stationLanguage: 'en', ownLanguage: 'de' });
    // Her exports are in her language, whoever else is at the station.
    expect(core.people.languageOf(core.people.callerFor(olga, 'exportAudit') ?? {})).toBe('de');
    expect(core.people.languageOf({})).toBe('en');

    await as.signOut({});
    expect(languages(await as.getSession({}))).toEqual({ language: 'en', stationLanguage: 'en', ownLanguage: undefined });
    await as.signIn({ accountId: ids.operator, pin: '1357' });
    expect(languages(await as.getSession({}))).toMatchObject({ language: 'de' });

    // Back to the station's, audited like any change to the account.
    expect(languages(await as.setOwnLanguage({ language: null }))).toEqual({ language: 'en', stationLanguage: 'en', ownLanguage: undefined });
    const trail = await core.handlers.listAuditEvents({ kind: 'account', offset: 0, limit: 50 });
    const details = trail.ok ? trail.value.rows.map((r) => r.detail) : [];
    expect(details).toEqual(expect.arrayContaining(['account-changed: language de', 'account-changed: language of the station']));
    // Stored with its code: a German reader reads the same lines in German.
    const [last] = trail.ok ? trail.value.rows : [];
    const chosen = trail.ok ? trail.value.rows.find((r) => r.detail === 'account-changed: language de') : undefined;
    expect(sayOr(translator('de'), chosen?.detailText, '')).toBe('Konto geändert: Sprache Deutsch');
    expect(last?.detailText).toEqual({
      code: 'auditDetails:line',
      params: { event: { code: 'auditDetails:event.account-changed' }, detail: { code: 'auditDetails:languageOfStation' } },
    });
    expect(sayOr(translator('de'), last?.detailText, '')).toBe('Konto geändert: Sprache der Station');
  });

  it('IT sets a person\'s language on the accounts screen; nobody signed in cannot choose one', async () => {
    const core = await station('en');
    const ids = await staffed(core);
    expect(await core.handlers.updateAccount({ id: ids.supervisor, language: 'de' })).toMatchObject({ ok: true, value: { language: 'de' } });
    const sven = core.people.open('app');
    const view = await core.handlersFor(sven).signIn({ accountId: ids.supervisor, pin: '8642' });
    expect(languages(view)).toMatchObject({ language: 'de', ownLanguage: 'de' });

    const nobody = core.people.open('app');
    const refused = await core.handlersFor(nobody).setOwnLanguage({ language: 'de' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not-allowed', text: { code: 'refusals:signInFirst' } } });
  });

  it('changes at once with the `language` setting, for every page whose person has no language of their own', async () => {
    const core = await station('en');
    const page = core.people.open('app');
    const pushed: SessionView[] = [];
    core.people.listen(page, (event) => pushed.push(event.session));
    expect(await core.handlers.setSetting({ key: 'language', value: 'de' })).toMatchObject({ ok: true });
    expect(pushed.at(-1)).toMatchObject({ language: 'de', stationLanguage: 'de' });
    const settings = await core.handlers.getSettings({});
    const entry = settings.ok ? settings.value.entries.find((e) => e.key === 'language') : undefined;
    expect(entry).toMatchObject({ kind: 'enum', options: ['en', 'de'], value: 'de', restartNeeded: false });
    expect(await core.handlers.setSetting({ key: 'language', value: 'fr' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});
