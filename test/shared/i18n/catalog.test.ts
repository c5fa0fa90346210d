import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../../shared/i18n/catalog';
import { LANGUAGES } from '../../../shared/i18n/languages';
import type { TextTree } from '../../../shared/i18n/namespace';
import { translator } from '../../../shared/i18n/translate';

/** Every key path of a tree, with its text. */
function leaves(tree: TextTree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [p, v] of leaves(value, path)) out.set(p, v);
  }
  return out;
}

/** The `{{name}}` placeholders of a text, sorted. */
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

describe('the text catalog', () => {
  for (const [ns, texts] of Object.entries(CATALOG)) {
    it(`${ns}: every language has every key, no text empty, the same placeholders`, () => {
      const english = leaves(texts.en as TextTree);
      for (const lang of LANGUAGES) {
        const other = leaves(texts[lang] as TextTree);
        expect([...other.keys()].sort(), `${ns} in ${lang}`).toEqual([...english.keys()].sort());
        for (const [key, text] of other) {
          expect(text.trim(), `${ns}:${key} in ${lang}`).not.toBe('');
          expect(placeholders(text), `${ns}:${key} in ${lang}`).toEqual(placeholders(english.get(key) ?? ''));
        }
      }
    });
  }

  it('translates a key into each language', () => {
    expect(translator('en')('common:close')).toBe('Close');
    expect(translator('de')('common:close')).toBe('Schließen');
  });
});
