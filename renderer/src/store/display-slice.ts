import type { SliceCreator } from './types';

/**
 * The looks a panel can take: calm greys by default (ISA-101: colour only for what is abnormal), high contrast for a
 * bright hall, dark for a dim control room.
 */
export const THEMES = ['grey', 'high-contrast', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
export const DEFAULT_THEME: Theme = 'grey';

/** Where this screen keeps its look: the hall's light is the panel's, not the station's config. */
const THEME_KEY = 'issuance-console.theme';

const isTheme = (value: unknown): value is Theme => THEMES.includes(value as Theme);

function storedTheme(): Theme {
  try {
    const value = globalThis.localStorage?.getItem(THEME_KEY);
    return isTheme(value) ? value : DEFAULT_THEME;
  } catch {
    return DEFAULT_THEME; // storage refused (a locked-down kiosk profile): the default look
  }
}

export interface DisplaySlice {
  theme: Theme;
  setTheme(theme: Theme): void;
}

export const createDisplaySlice: SliceCreator<DisplaySlice> = (set) => ({
  theme: storedTheme(),
  setTheme(theme) {
    try {
      globalThis.localStorage?.setItem(THEME_KEY, theme);
    } catch {
      // Not kept across reloads on this screen; shown anyway.
    }
    set({ theme });
  },
});
