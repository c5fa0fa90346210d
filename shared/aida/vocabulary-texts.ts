import type { Translate } from '../i18n/translate';
import { aida } from '../i18n/texts/aida';
import { aidaErrors } from '../i18n/texts/aida-errors';

/** Each enumeration of ./vocabulary.ts that has sentences, and the namespace holding them. */
const LISTS = {
  messageTypes: 'aida',
  jobStatuses: 'aida',
  stopReasons: 'aida',
  schedulerStatuses: 'aida',
  errorCodes: 'aidaErrors',
  schedulerErrors: 'aidaErrors',
  systemErrors: 'aidaErrors',
} as const;
export type VocabularyList = keyof typeof LISTS;

type Sentences = Readonly<Record<string, { readonly text: string; readonly action?: string }>>;

/** The English sentences say which names are known, and which have an action (German has the same keys). */
const KNOWN: Record<VocabularyList, Sentences> = {
  messageTypes: aida.en.messageTypes,
  jobStatuses: aida.en.jobStatuses,
  stopReasons: aida.en.stopReasons,
  schedulerStatuses: aida.en.schedulerStatuses,
  errorCodes: aidaErrors.en.errorCodes,
  schedulerErrors: aidaErrors.en.schedulerErrors,
  systemErrors: aidaErrors.en.systemErrors,
};

export interface Described {
  text: string;
  action?: string;
}

/**
 * A value of an AIDA enumeration in words, in the language of `t`, with what to do where there is something to do.
 * A value this console does not know (another firmware's) is quoted as sent; no value says nothing.
 */
export function describe(t: Translate, list: VocabularyList, name: string | undefined): Described {
  if (name === undefined) return { text: '' };
  // Own keys only: a firmware's "constructor" is an unknown value, not Object.prototype's.
  const known = Object.hasOwn(KNOWN[list], name) ? KNOWN[list][name] : undefined;
  if (!known) return { text: t('aida:unknown', { value: name }) };
  const key = `${LISTS[list]}:${list}.${name}`;
  return { text: t(`${key}.text`), ...(known.action !== undefined ? { action: t(`${key}.action`) } : {}) };
}

/**
 * A job status as the badge's word, in the language of `t` (AIDA's own word in English); a status this console does
 * not know (another firmware's) as sent.
 */
export function jobStatusWord(t: Translate, status: string): string {
  return Object.hasOwn(aida.en.jobStatusWords, status) ? t(`aida:jobStatusWords.${status}`) : status;
}

/**
 * A job status as a page shows it: the reader's word, and AIDA's own (as the machine's screen shows it) for a hover
 * where the two differ.
 */
export function jobStatusLabel(t: Translate, status: string): { word: string; title: string | undefined } {
  const word = jobStatusWord(t, status);
  return { word, title: word === status ? undefined : `AIDA: ${status}` };
}

/** A suspension the API shows (resume items) without any webhook having said why (electron/core/domain/reconciliation.ts). */
const REASON_UNKNOWN = 'ReasonUnknown';

/** Why issuance is suspended, in words: the job error code that suspended it, or that no message said why. */
export function describeSuspension(t: Translate, code: string): Described {
  if (code === REASON_UNKNOWN) return { text: t('aida:reasonUnknown.text'), action: t('aida:reasonUnknown.action') };
  return describe(t, 'errorCodes', code);
}

/**
 * A job's error in words: a source's own words where it sent them (a card printer's), else its AIDA error code said in
 * the language of `t`. Empty when it has no error code.
 */
export function errorWords(t: Translate, job: { errorCode?: string | undefined; errorText?: string | undefined }): string {
  if (!job.errorCode) return '';
  return job.errorText ?? describe(t, 'errorCodes', job.errorCode).text;
}
