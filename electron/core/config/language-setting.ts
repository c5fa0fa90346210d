import type { SettingsView } from '../../../shared/api/settings';
import { LanguageSchema, type Language } from '../../../shared/i18n/languages';

/** The station's language as the settings now say (the files read again), or undefined when it says none we know. */
export function languageSetting(view: SettingsView): Language | undefined {
  return LanguageSchema.safeParse(view.entries.find((e) => e.key === 'language')?.value).data;
}
