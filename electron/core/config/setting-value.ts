import type { SettingEntry, SettingsView } from '../../../shared/api/settings';
import { LanguageSchema, type Language } from '../../../shared/i18n/languages';

/**
 * One setting's value as the settings now say (the files read again, after a change on the settings screen): what
 * applies live is read from here, by the core and the shell alike. Undefined when the key is not set.
 */
export function settingValue(view: SettingsView, key: string): SettingEntry['value'] | undefined {
  return view.entries.find((e) => e.key === key)?.value;
}

/** The station's language as the settings now say, or undefined when they name none we know. */
export function languageSetting(view: SettingsView): Language | undefined {
  return LanguageSchema.safeParse(settingValue(view, 'language')).data;
}
