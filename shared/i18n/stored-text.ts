import type { CodedParam, CodedText } from '../api/coded-text';
import { say } from './say';
import { translator } from './translate';

/**
 * A sentence as the core stores it: its code and parameters, rendered in each viewer's language, and its English
 * text beside them, for the exports and readers that predate the codes.
 */
export interface StoredText {
  text: string;
  coded?: CodedText;
}

/** A stored sentence from the catalog: `key` is `namespace:path`. */
export function coded(key: string, params?: Record<string, CodedParam>): StoredText {
  const text: CodedText = params ? { code: key, params } : { code: key };
  return { text: say(translator('en'), text) ?? key, coded: text };
}

/** A text stored as it came (a machine's answer): shown as sent in every language. */
export const asSent = (text: string): StoredText => ({ text });

/** A failure's message as a stored sentence: its code where the core coded it, else its text as written. */
export const fromError = (error: { message: string; text?: CodedText | undefined }): StoredText =>
  error.text ? { text: error.message, coded: error.text } : { text: error.message };

/** A stored sentence as a parameter of another: its code when it has one, else its text as written. */
export const asParam = (stored: StoredText): CodedParam => stored.coded ?? stored.text;

/** A stored sentence's code read back from its columns (the parameters as JSON). */
export function readCoded(code: string, params: string | null): CodedText {
  return params === null ? { code } : { code, params: JSON.parse(params) as CodedText['params'] };
}

/**
 * A stored sentence read back from its columns: the text as written, and its code where it was stored with one (rows
 * written before migration 16, or read from an older schema, have none).
 */
export function readStored(text: string, code: string | null | undefined, params: string | null | undefined): StoredText {
  return code ? { text, coded: readCoded(code, params ?? null) } : { text };
}
