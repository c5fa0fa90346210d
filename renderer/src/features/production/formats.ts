import { useMemo } from 'react';
import { INTL_LOCALE, type Language } from '../../../../shared/i18n/languages';
import { translator } from '../../../../shared/i18n/translate';
import { useConsole } from '../../store/context';

/** How the production screens write numbers, shares, durations and times: the page's language, the station's zone. */
export interface Formats {
  count(n: number): string;
  /** A fraction (0.97) as a percentage; a dash when there is none. */
  share(fraction: number | null | undefined): string;
  /** A percentage already in percent (the Pareto line). */
  percent(n: number): string;
  /** Seconds as hours and minutes ("2 h 05 min", "4 min", "35 s"). */
  duration(seconds: number | null | undefined): string;
  dateTime(iso: string): string;
  /** The hour an hourly bucket starts at ("06:00"). */
  hour(iso: string): string;
}

export function productionFormats(lang: Language, timeZone: string | undefined): Formats {
  const locale = INTL_LOCALE[lang];
  const zone = timeZone === undefined ? {} : { timeZone };
  const counts = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const shares = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const percents = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const t = translator(lang);
  const dateTimes = new Intl.DateTimeFormat(locale, { ...zone, dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' });
  const hoursOfDay = new Intl.DateTimeFormat(locale, { ...zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const invalid = (iso: string) => Number.isNaN(Date.parse(iso));
  return {
    count: (n) => counts.format(n),
    share: (f) => (f === null || f === undefined ? '—' : shares.format(f)),
    percent: (n) => `${percents.format(n)} %`,
    duration(seconds) {
      if (seconds === null || seconds === undefined) return '—';
      const s = Math.max(0, Math.round(seconds));
      if (s < 60) return t('report:duration.s', { s: counts.format(s) });
      const m = Math.floor(s / 60);
      if (m < 60) return t('report:duration.m', { m: counts.format(m) });
      return t('report:duration.hm', { h: counts.format(Math.floor(m / 60)), m: String(m % 60).padStart(2, '0') });
    },
    dateTime: (iso) => (invalid(iso) ? iso : dateTimes.format(new Date(iso))),
    hour: (iso) => (invalid(iso) ? iso : hoursOfDay.format(new Date(iso))),
  };
}

/** The formats of the page's language, in the station's zone when the figures name one. */
export function useFormats(timeZone: string | undefined): Formats {
  const lang = useConsole((s) => s.language);
  return useMemo(() => productionFormats(lang, timeZone), [lang, timeZone]);
}
