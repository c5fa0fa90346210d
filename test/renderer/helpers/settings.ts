import type { SettingEntry } from '../../../shared/api/settings';

/** A setting as the core lists it (a plain string at its default, IT may change it), with what a test cares about laid over it. */
export function setting(key: string, overrides: Partial<SettingEntry> = {}): SettingEntry {
  return {
    key,
    kind: 'string',
    secret: false,
    value: null,
    source: 'default',
    locked: false,
    editable: true,
    userSet: false,
    restartNeeded: false,
    ...overrides,
  };
}
