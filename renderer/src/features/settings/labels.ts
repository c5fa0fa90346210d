import type { SettingEntry } from '../../../../shared/api/settings';

/** Sections of the config file, in the order the screen shows them; unknown sections follow, by name. */
const SECTION_ORDER = ['station', 'machines', 'webhook', 'ui', 'desktop', 'durability', 'dataDir', 'training'];

export function sectionOf(key: string): string {
  return key.split('.')[0] ?? key;
}

export function groupBySection(entries: readonly SettingEntry[]): [string, SettingEntry[]][] {
  const groups = new Map<string, SettingEntry[]>();
  for (const e of entries) {
    const section = sectionOf(e.key);
    groups.set(section, [...(groups.get(section) ?? []), e]);
  }
  const rank = (s: string) => {
    const i = SECTION_ORDER.indexOf(s);
    return i === -1 ? SECTION_ORDER.length : i;
  };
  return [...groups.entries()].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}
