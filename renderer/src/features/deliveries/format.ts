import type { Language } from '../../../../shared/i18n/languages';
import type { Translate } from '../../../../shared/i18n/translate';
import { formatNumber } from '../format';

/** HTTP statuses the listener refuses with, in HTTP's own words (the same in every language, as a log shows them). */
const STATUS_WORDS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
};

export function httpStatusText(status: number): string {
  const words = STATUS_WORDS[status];
  return words ? `${status} ${words}` : String(status);
}

/** A body's size as people read it, with the viewer's decimal sign. */
export function formatSize(t: Translate, lang: Language, bytes: number): string {
  if (bytes < 1024) return t('deliveries:size.bytes', { count: bytes });
  return bytes < 1024 * 1024 ? `${formatNumber(bytes / 1024, lang, 1)} KiB` : `${formatNumber(bytes / (1024 * 1024), lang, 1)} MiB`;
}

/**
 * Local date and time, seconds included, year first in every language: a refused delivery is looked for by when it
 * came, and found beside the listener's log.
 */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}
