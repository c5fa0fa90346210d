import type { ConsoleEvent } from '../../../shared/api/contract';
import { fail, ok, type Result } from '../../../shared/api/result';
import type { SettingEntry, SettingsView } from '../../../shared/api/settings';
import { stampOf, type ActingCaller } from '../people/audit-stamp';
import type { CoreHandlers } from '../people/caller';
import type { AuditRepo } from '../store/audit-repo';
import { coded } from '../../../shared/i18n/stored-text';
import type { Settings } from './settings';

type SettingsHandlers = Pick<CoreHandlers, 'getSettings' | 'setSetting' | 'resetSetting'>;

export interface SettingsAudit {
  audit: Pick<AuditRepo, 'record'>;
  now: () => Date;
  /** Once a supervisor account exists, supervisors' own PINs replace the shared `review.supervisorPin`. */
  supervisorAccounts: () => boolean;
}

const SHARED_PIN_KEY = 'review.supervisorPin';

/** What the settings screen says on the shared PIN: it works until supervisors have their own. */
function pinNote(supervisorAccounts: boolean): Pick<SettingEntry, 'note' | 'noteText'> {
  const { text, coded: noteText } = coded(supervisorAccounts ? 'settings:pinNote.replaced' : 'settings:pinNote.untilSupervisors');
  return { note: text, ...(noteText ? { noteText } : {}) };
}

/** A value as the audit shows it: a secret only as "changed", never its text. */
function shown(entry: SettingEntry | undefined): string {
  if (entry === undefined || entry.value === null) return '(not set)';
  return String(entry.value);
}

/**
 * The settings methods of the ConsoleApi. A console created without config files (tests, embedding) has no settings
 * screen and says so. Every saved change is audited (key, old and new value, who) and pushed to all UIs, and to the
 * shell, which applies `desktop.*` at once.
 */
export function settingsHandlers(settings: Settings | undefined, emit: (event: ConsoleEvent) => void, trail: SettingsAudit): SettingsHandlers {
  if (!settings) {
    const none = async () => fail('unavailable', 'this console was started without config files: no settings to show');
    return { getSettings: none, setSetting: none, resetSetting: none };
  }
  const noted = (view: SettingsView): SettingsView => ({
    ...view,
    entries: view.entries.map((e) => (e.key === SHARED_PIN_KEY ? { ...e, ...pinNote(trail.supervisorAccounts()) } : e)),
  });
  const change = (key: string, caller: ActingCaller, work: () => Result<SettingsView>, resetting = false) => {
    const before = settings.view().entries.find((e) => e.key === key);
    const result = work();
    if (!result.ok) return result;
    const after = result.value.entries.find((e) => e.key === key);
    const secret = before?.secret === true;
    // A secret's value is never compared (the view masks it): saving one is a change, resetting one that was set too.
    const changed = secret ? !resetting || before.userSet : shown(before) !== shown(after);
    if (changed) {
      trail.audit.record({
        ...stampOf(caller),
        at: trail.now().toISOString(),
        kind: 'setting',
        subject: key,
        ...(secret ? { newValue: 'changed' } : { oldValue: shown(before), newValue: shown(after) }),
        ...(after?.userSet === false ? { detail: coded('auditDetails:settingReset') } : {}),
      });
      emit({ type: 'audit' });
    }
    const view = noted(result.value);
    emit({ type: 'settings', settings: view });
    return ok(view);
  };
  return {
    getSettings: async () => ok(noted(settings.view())),
    setSetting: async ({ key, value }, caller) => change(key, caller, () => settings.set(key, value)),
    resetSetting: async ({ key }, caller) => change(key, caller, () => settings.reset(key), true),
  };
}
