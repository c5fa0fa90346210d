import type { CodedText } from '../api/coded-text';
import type { Translate } from './translate';

/** A coded text in one language, its coded parameters rendered first; undefined when the catalog lacks its key. */
export function say(t: Translate, text: CodedText): string | undefined {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(text.params ?? {})) {
    params[name] = typeof value === 'object' ? (say(t, value) ?? value.code) : value;
  }
  const said = t(text.code, params);
  // i18next answers a missing key with the key itself.
  return said === text.code || said === text.code.slice(text.code.indexOf(':') + 1) ? undefined : said;
}

/** What a stored or sent sentence reads in one language: from its code where the catalog has it, else as written. */
export function sayOr(t: Translate, text: CodedText | undefined, written: string): string {
  return (text && say(t, text)) ?? written;
}
