import { translator } from '../../../shared/i18n/translate';
import type { SettingsView } from '../../../shared/api/settings';
import { actionKey, runAction } from './actions';
import type { SliceCreator } from './types';

export interface SettingsSlice {
  /** Every setting with its effective value and source, and what is wrong in the config; undefined until loaded. */
  settings: SettingsView | undefined;
  settingsOpen: boolean;
  /** Why the settings could not be loaded. A refused change is an action's failure, shown beside its setting. */
  settingsError: string | undefined;
  loadSettings(): Promise<void>;
  receiveSettings(settings: SettingsView): void;
  /** Saves a value in the per-user file; true when it was accepted. */
  saveSetting(key: string, value: string | number | boolean): Promise<boolean>;
  resetSetting(key: string): Promise<boolean>;
  openSettings(): void;
  closeSettings(): void;
}

export const createSettingsSlice: SliceCreator<SettingsSlice> = (set, get, client) => {
  async function change(key: string, what: string, call: () => ReturnType<typeof client.getSettings>): Promise<boolean> {
    const action = { key: actionKey.setting(key), label: `${what} — ${key}` };
    return (await runAction(set, get, action, call, (settings) => set({ settings })))?.ok === true;
  }

  return {
    settings: undefined,
    settingsOpen: false,
    settingsError: undefined,
    async loadSettings() {
      const result = await client.getSettings({});
      set(result.ok ? { settings: result.value, settingsError: undefined } : { settingsError: result.error.message });
    },
    receiveSettings(settings) {
      set({ settings });
    },
    saveSetting: (key, value) => change(key, translator(get().language)('actions:saveSetting'), () => client.setSetting({ key, value })),
    resetSetting: (key) => change(key, translator(get().language)('actions:resetSetting'), () => client.resetSetting({ key })),
    openSettings() {
      set({ settingsOpen: true });
      void get().loadSettings();
    },
    closeSettings() {
      set({ settingsOpen: false, settingsError: undefined });
    },
  };
};
