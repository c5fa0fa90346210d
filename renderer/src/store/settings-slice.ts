import type { SettingsView } from '../../../shared/api/settings';
import type { SliceCreator } from './types';

export interface SettingsSlice {
  /** Every setting with its effective value and source, and what is wrong in the config; undefined until loaded. */
  settings: SettingsView | undefined;
  settingsOpen: boolean;
  /** Why the settings could not be loaded or the last change was refused, with the key it was about. */
  settingsError: { key?: string; message: string } | undefined;
  /** The key whose change is on its way: its controls wait. */
  settingsSaving: string | undefined;
  loadSettings(): Promise<void>;
  receiveSettings(settings: SettingsView): void;
  /** Saves a value in the per-user file; true when it was accepted. */
  saveSetting(key: string, value: string | number | boolean): Promise<boolean>;
  resetSetting(key: string): Promise<void>;
  openSettings(): void;
  closeSettings(): void;
}

export const createSettingsSlice: SliceCreator<SettingsSlice> = (set, get, client) => {
  async function change(key: string, call: () => ReturnType<typeof client.getSettings>): Promise<boolean> {
    if (get().settingsSaving) return false;
    set({ settingsSaving: key, settingsError: undefined });
    try {
      const result = await call();
      if (result.ok) set({ settings: result.value });
      else set({ settingsError: { key, message: result.error.message } });
      return result.ok;
    } finally {
      set({ settingsSaving: undefined });
    }
  }

  return {
    settings: undefined,
    settingsOpen: false,
    settingsError: undefined,
    settingsSaving: undefined,
    async loadSettings() {
      const result = await client.getSettings({});
      if (result.ok) set({ settings: result.value, settingsError: undefined });
      else set({ settingsError: { message: result.error.message } });
    },
    receiveSettings(settings) {
      set({ settings });
    },
    saveSetting: (key, value) => change(key, () => client.setSetting({ key, value })),
    resetSetting: async (key) => {
      await change(key, () => client.resetSetting({ key }));
    },
    openSettings() {
      set({ settingsOpen: true });
      void get().loadSettings();
    },
    closeSettings() {
      set({ settingsOpen: false, settingsError: undefined });
    },
  };
};
