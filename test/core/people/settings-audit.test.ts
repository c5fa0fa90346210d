import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import type { CodedText } from '../../../shared/api/coded-text';
import { say } from '../../../shared/i18n/say';
import { translator } from '../../../shared/i18n/translate';
import { loadLayeredConfig } from '../../../electron/core/config/layered';
import { Settings } from '../../../electron/core/config/settings';
import type { SettingsView } from '../../../shared/api/settings';
import { consoleWithFakeAida } from '../../helpers/core';
import { fakeKeychain, tempLocations } from '../config/helpers';
import { staffed } from './people-helpers';

const fake = consoleWithFakeAida();

/** A console with a settings screen over config files of its own (temp folder, a stand-in keychain). */
async function withSettings() {
  const locations = tempLocations();
  const load = () => loadLayeredConfig([], { locations, fallbackDataDir: locations.dir, keychain: fakeKeychain });
  const { core } = await fake.start({}, {}, { settings: new Settings(load(), load, fakeKeychain) });
  return core;
}

const entry = (view: SettingsView, key: string) => view.entries.find((e) => e.key === key);

describe('settings changes are audited', () => {
  it('with the key, the old and the new value, and who changed it; a secret only as "changed"', async () => {
    const core = await withSettings();
    const ids = await staffed(core);
    const before = await core.handlers.getSettings({});
    const old = before.ok ? entry(before.value, 'watchdog.pollSeconds')?.value : undefined;
    expect(old).toBeDefined();
    expect(await core.handlers.setSetting({ key: 'watchdog.pollSeconds', value: 7 })).toMatchObject({ ok: true });
    expect(await core.handlers.setSetting({ key: 'review.supervisorPin', value: '975310' })).toMatchObject({ ok: true });
    expect(await core.handlers.resetSetting({ key: 'watchdog.pollSeconds' })).toMatchObject({ ok: true });

    const trail = await core.handlers.listAuditEvents({ kind: 'setting', offset: 0, limit: 10 });
    if (!trail.ok) throw new Error(trail.error.message);
    const station = core.config.station;
    const seen = trail.value.rows.map(({ subject, oldValue, newValue, detail, actor, accountId, role }) => {
      return { subject, oldValue, newValue, detail, actor, accountId, role };
    });
    expect(seen).toEqual([
      { subject: 'watchdog.pollSeconds', oldValue: '7', newValue: String(old), detail: 'reset to the layers below', actor: `Ida@${station}`, accountId: ids.it, role: 'it' },
      { subject: 'review.supervisorPin', oldValue: undefined, newValue: 'changed', detail: undefined, actor: `Ida@${station}`, accountId: ids.it, role: 'it' },
      { subject: 'watchdog.pollSeconds', oldValue: String(old), newValue: '7', detail: undefined, actor: `Ida@${station}`, accountId: ids.it, role: 'it' },
    ]);
    expect(JSON.stringify(trail.value.rows)).not.toContain('975310');
    const csv = await text(core.auditExport.csv({ trail: 'events', query: { kind: 'setting' } }).stream);
    expect(csv.split('\r\n')[0]).toBe('id,at,kind,actor,accountId,role,station,signedIn,method,subject,oldValue,newValue,detail,repeats,lastAt');
    expect(csv).not.toContain('975310');
    // In the exporter's language: the reset's detail in German.
    const german = await text(core.auditExport.csv({ trail: 'events', query: { kind: 'setting' }, language: 'de' }).stream);
    expect(german).toContain('auf den Wert der darunterliegenden Ebenen zurückgesetzt');
    expect(german).not.toContain('reset to the layers below');
  });

  it('an operator cannot change a setting: refused, audited, and the file keeps its value', async () => {
    const core = await withSettings();
    const ids = await staffed(core);
    const session = core.people.open('app');
    await core.handlersFor(session).signIn({ accountId: ids.operator, pin: '1357' });
    const refused = await core.handlersFor(session).setSetting({ key: 'review.autoApproveAbove', value: 0.5 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not-allowed', message: 'Change settings needs IT: you are signed in as an operator.' } });
    expect(refused.ok ? '' : say(translator('de'), refused.error.text as CodedText)).toBe('„Einstellungen ändern“ ist nur der IT erlaubt: Sie sind als Bediener angemeldet.');
    const view = await core.handlers.getSettings({});
    expect(view.ok && entry(view.value, 'review.autoApproveAbove')?.value).toBeNull();
    const trail = await core.handlers.listAuditEvents({ accountId: ids.operator, kind: 'refused', offset: 0, limit: 10 });
    expect(trail.ok && trail.value.rows).toEqual([expect.objectContaining({ method: 'setSetting', subject: 'key review.autoApproveAbove', role: 'operator' })]);
  });
});

describe('the shared supervisor PIN on the settings screen', () => {
  it('says it works until the first supervisor account exists, and then that it is no longer asked', async () => {
    const core = await withSettings();
    const open = await core.handlers.getSettings({});
    expect(open.ok && entry(open.value, 'review.supervisorPin')?.note).toMatch(/^Asked for Approve, Reject and Abort until the first supervisor account exists/);
    await staffed(core);
    const after = await core.handlers.getSettings({});
    expect(after.ok && entry(after.value, 'review.supervisorPin')?.note).toMatch(/^No longer asked: a supervisor account exists/);
  });
});
