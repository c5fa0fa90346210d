/** A tree of texts: a key leads to a string (i18next interpolates `{{name}}`) or to more keys. */
export interface TextTree {
  readonly [key: string]: string | TextTree;
}

/** The same keys as `T`, all the way down: German must say everything English says, and nothing else. */
export type SameKeys<T> = { readonly [K in keyof T]: T[K] extends string ? string : SameKeys<T[K]> };

/**
 * One feature's texts in every language, side by side. The types refuse a German tree whose keys differ from the
 * English one; `test/shared/i18n/catalog.test.ts` checks the same at run time (and that no text is empty).
 */
export function namespace<T extends TextTree>(en: T, de: SameKeys<T>): { en: T; de: SameKeys<T> } {
  return { en, de };
}
