import i18next, { type i18n, type Resource } from 'i18next';
import { CATALOG, type Namespace } from './catalog';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from './languages';

/** Turns a key and its parameters into the text in one language: `t('alarms:shelved', { count: 2 })`. */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

let shared: i18n | undefined;

/** One i18next instance for the whole runtime (core or page), loaded synchronously from the bundled catalog. */
function instance(): i18n {
  if (shared) return shared;
  const resources: Resource = {};
  for (const lang of LANGUAGES) {
    resources[lang] = Object.fromEntries(Object.entries(CATALOG).map(([ns, texts]) => [ns, texts[lang]]));
  }
  const created = i18next.createInstance();
  void created.init({
    resources,
    lng: DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    ns: Object.keys(CATALOG) as Namespace[],
    defaultNS: 'common',
    initAsync: false,
    // React, the CSV writer and the PDF's HTML escape what they print; escaping here would double it.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  // An action named inside an English sentence starts small ("sign in to resume"): `{{what, lowerFirst}}`.
  created.services.formatter?.add('lowerFirst', (value: unknown) => {
    const text = String(value);
    return text.charAt(0).toLowerCase() + text.slice(1);
  });
  shared = created;
  return created;
}

const translators = new Map<Language, Translate>();

/** The translate function of one language; cheap to call again (cached). */
export function translator(lang: Language): Translate {
  let t = translators.get(lang);
  if (!t) {
    const fixed = instance().getFixedT(lang);
    // The catalog never changes while the page runs: a text without parameters is looked up once. A long list asks
    // for the same few words in every row it draws.
    const plain = new Map<string, string>();
    t = (key, params) => {
      if (params !== undefined) return String(fixed(key, params));
      let text = plain.get(key);
      if (text === undefined) {
        text = String(fixed(key, {}));
        plain.set(key, text);
      }
      return text;
    };
    translators.set(lang, t);
  }
  return t;
}
