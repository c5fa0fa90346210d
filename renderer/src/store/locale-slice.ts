import { DEFAULT_LANGUAGE, type Language } from '../../../shared/i18n/languages';
import type { SliceCreator } from './types';

export interface LocaleSlice {
  /** The language this page shows: the signed-in person's, else the station's. */
  language: Language;
  setLanguage(language: Language): void;
}

export const createLocaleSlice: SliceCreator<LocaleSlice> = (set) => ({
  language: DEFAULT_LANGUAGE,
  setLanguage(language) {
    set({ language });
  },
});
