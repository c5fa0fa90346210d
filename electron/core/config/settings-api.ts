import type { ConsoleEvent } from '../../../shared/api/contract';
import type { ConsoleHandlers } from '../../../shared/api/dispatch';
import { fail, ok, type Result } from '../../../shared/api/result';
import type { SettingsView } from '../../../shared/api/settings';
import type { Settings } from './settings';

type SettingsHandlers = Pick<ConsoleHandlers, 'getSettings' | 'setSetting' | 'resetSetting'>;

/**
 * The settings methods of the ConsoleApi. A console created without config files (tests, embedding) has no settings
 * screen and says so. Every saved change is pushed to all UIs, and to the shell, which applies `desktop.*` at once.
 */
export function settingsHandlers(settings: Settings | undefined, emit: (event: ConsoleEvent) => void): SettingsHandlers {
  if (!settings) {
    const none = async () => fail('unavailable', 'this console was started without config files: no settings to show');
    return { getSettings: none, setSetting: none, resetSetting: none };
  }
  const announce = (result: Result<SettingsView>) => {
    if (result.ok) emit({ type: 'settings', settings: result.value });
    return result;
  };
  return {
    getSettings: async () => ok(settings.view()),
    setSetting: async ({ key, value }) => announce(settings.set(key, value)),
    resetSetting: async ({ key }) => announce(settings.reset(key)),
  };
}
