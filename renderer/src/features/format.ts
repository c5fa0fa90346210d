import { useMemo } from 'react';
import { DEFAULT_LANGUAGE, INTL_LOCALE, type Language } from '../../../shared/i18n/languages';
import { useConsole } from '../store/context';

/**
 * Formatters made once per language and kind: making an Intl formatter costs far more than using one, and a queue
 * formats a time in every row it draws.
 */
const made = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function formatter<F extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => F): F {
  let f = made.get(key) as F | undefined;
  if (!f) {
    f = make();
    made.set(key, f);
  }
  return f;
}

/** Local wall-clock time of an ISO timestamp, seconds included: operators compare it with the machine's clock. */
export function formatTime(iso: string | undefined, lang: Language = DEFAULT_LANGUAGE): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const time = formatter(`time|${lang}`, () => new Intl.DateTimeFormat(INTL_LOCALE[lang], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }));
  return time.format(d);
}

/** Local date and wall-clock time of an ISO timestamp: for records read days later (audit, alert history). */
export function formatDateTime(iso: string, lang: Language = DEFAULT_LANGUAGE): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const date = formatter(`date|${lang}`, () => new Intl.DateTimeFormat(INTL_LOCALE[lang]));
  return `${date.format(d)} ${formatTime(iso, lang)}`;
}

/** A count or figure with the language's separators ("12,345" / "12.345"). */
export function formatNumber(value: number, lang: Language = DEFAULT_LANGUAGE, fractionDigits?: number): string {
  const digits = fractionDigits === undefined ? {} : { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits };
  return formatter(`number|${lang}|${fractionDigits ?? ''}`, () => new Intl.NumberFormat(INTL_LOCALE[lang], digits)).format(value);
}

/** A size on disk as IT reads it: "812 KB", "12.4 MB", "1.35 GB" ("12,4 MB" in German). */
export function formatBytes(bytes: number, lang: Language = DEFAULT_LANGUAGE): string {
  const kb = bytes / 1024;
  if (kb < 1000) return `${formatNumber(Math.round(kb), lang)} KB`;
  const mb = kb / 1024;
  return mb < 1000 ? `${formatNumber(mb, lang, 1)} MB` : `${formatNumber(mb / 1024, lang, 2)} GB`;
}

/** The formatters in the page's language: components re-render when it changes. */
export function useFormat() {
  const lang = useConsole((s) => s.language);
  return useMemo(
    () => ({
      time: (iso: string | undefined) => formatTime(iso, lang),
      dateTime: (iso: string) => formatDateTime(iso, lang),
      number: (value: number, fractionDigits?: number) => formatNumber(value, lang, fractionDigits),
      bytes: (bytes: number) => formatBytes(bytes, lang),
    }),
    [lang],
  );
}
