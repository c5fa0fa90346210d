import { z } from 'zod';

/** The languages every text exists in; a key missing in one fails `test/shared/i18n`. */
export const LANGUAGES = ['en', 'de'] as const;
export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;
export const DEFAULT_LANGUAGE: Language = 'en';

/** The locale dates, times and numbers are written in, per language: 24-hour clock and day-month order for both. */
export const INTL_LOCALE: Record<Language, string> = { en: 'en-GB', de: 'de-DE' };

/** Each language's name in itself, for the language choice. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', de: 'Deutsch' };
