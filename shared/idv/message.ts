import { LAST_EVENTS, PROCESS_STATES, WEBHOOK_RESULTS, canonicalTerm } from './vocabulary';
import { asRecord } from '../json-values';

/** One "process finished" webhook, as stored in the event log. Every field is optional: nothing is refused for lack. */
export interface IdvMessage {
  processId?: string;
  state?: string;
  result?: string;
  flow?: string;
  lastEvent?: string;
  lastEventDescription?: string;
  /** False when an authenticated body could not be read as JSON: kept raw in the delivery log, shown as unreadable. */
  readable: boolean;
  /** Why this delivery raised an alert under the rules in force when it arrived (absent: no alert). */
  alert?: string;
  notes: string[];
}

function text(obj: Record<string, unknown>, name: string): string | undefined {
  const key = Object.keys(obj).find((k) => k.toLowerCase() === name.toLowerCase());
  const value = key === undefined ? undefined : obj[key];
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/**
 * Reads a webhook body (`json` undefined: an authenticated body that was not JSON). A GetProcess value in `state` is
 * kept verbatim and noted, never translated: the two vocabularies are not interchangeable.
 */
export function parseIdvMessage(json: unknown, readable = true): IdvMessage {
  const notes: string[] = [];
  if (!readable) return { readable: false, notes: ['Unreadable body (not JSON): kept as it arrived'] };
  const obj = asRecord(json);
  if (!obj) return { readable: true, notes: ['The body is JSON but not an object'] };
  const rawState = text(obj, 'state');
  const state = rawState === undefined ? undefined : canonicalTerm(PROCESS_STATES, rawState);
  if (state?.startsWith('PROCESS_RESULT_')) {
    notes.push(`state "${state}" is a GetProcess (PROCESS_RESULT_*) value, not a webhook state; kept as it arrived`);
  } else if (state !== undefined && !PROCESS_STATES.some((s) => s.name === state)) {
    notes.push(`Unknown state "${state}"`);
  }
  const rawResult = text(obj, 'result');
  const result = rawResult === undefined ? undefined : canonicalTerm(WEBHOOK_RESULTS, rawResult);
  if (result !== undefined && !WEBHOOK_RESULTS.some((r) => r.name === result)) notes.push(`Unknown result "${result}"`);
  const rawEvent = text(obj, 'lastEvent');
  const processId = text(obj, 'processId');
  if (!processId) notes.push('No processId');
  const message: IdvMessage = { readable: true, notes };
  const put = <K extends keyof IdvMessage>(key: K, value: IdvMessage[K] | undefined) => {
    if (value !== undefined) message[key] = value;
  };
  put('processId', processId);
  put('state', state);
  put('result', result);
  put('flow', text(obj, 'flow'));
  put('lastEvent', rawEvent === undefined ? undefined : canonicalTerm(LAST_EVENTS, rawEvent));
  put('lastEventDescription', text(obj, 'lastEventDescription'));
  return message;
}

/** At-least-once delivery: the vendor's own dedupe key is processId + state + result. */
export function idvDedupeKey(m: IdvMessage): string | undefined {
  return m.processId ? [m.processId.toLowerCase(), m.state ?? '', m.result ?? ''].join('|') : undefined;
}
