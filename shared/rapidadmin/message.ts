import { recogniseEvent, type RapidadminAction, type RapidadminKind } from './events';
import { asRecord, field, idText } from '../json-values';
import { parseTolerantJson } from './tolerant-json';

/** One RapIDadmin / EliteID delivery, as stored in the event log. */
export interface RapidadminMessage {
  /** The canonical event name, or the header verbatim when the event is unknown. */
  event: string;
  kind: RapidadminKind;
  action?: RapidadminAction;
  /** The header as it arrived, kept when its spelling differs from the canonical name. */
  header?: string;
  /** False when the body could not be read as JSON even tolerantly: it is kept in `raw` and shown as unreadable. */
  readable: boolean;
  /** The body as JSON, every string trimmed. */
  body?: unknown;
  raw?: string;
  /** Which person and card template a credential or print event concerns: the thread of the doc's sequences. */
  sequenceKey?: string;
  /** A print job's identity: the configured key path, else PersonId + CardTemplateId. */
  printJobKey?: string;
  /** What the parser repaired, trimmed or could not find; shown beside the event, never a reason to refuse it. */
  notes: string[];
}

/** Kept of an unreadable body: enough to see what it was, not a second copy of a large one (the delivery has it all). */
const RAW_KEPT_CHARS = 16 * 1024;

/**
 * Trims every string. The doc's Person.Created example carries an Id with a leading space; surrounding whitespace
 * means nothing in these records and would split one person in two. Records which paths were trimmed.
 */
function trimDeep(value: unknown, path: string, trimmed: string[]): unknown {
  if (typeof value === 'string') {
    const t = value.trim();
    if (t !== value && t !== '') trimmed.push(path || '(body)');
    return t;
  }
  if (Array.isArray(value)) return value.map((v, i) => trimDeep(v, `${path}[${i}]`, trimmed));
  const obj = asRecord(value);
  if (!obj) return value;
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, trimDeep(v, path ? `${path}.${k}` : k, trimmed)]));
}

/** Follows a dotted key path (`Job.Id`), each step matched case-insensitively. */
export function valueAtPath(body: unknown, path: string): unknown {
  let here: unknown = body;
  for (const step of path.split('.').filter((s) => s !== '')) here = field(asRecord(here), step);
  return here;
}

function identities(
  body: unknown,
  kind: RapidadminKind,
  keyPath: string | undefined,
  notes: string[],
): Pick<RapidadminMessage, 'sequenceKey' | 'printJobKey'> {
  const obj = asRecord(body);
  const personId = idText(field(obj, 'PersonId'));
  const templateId = idText(field(obj, 'CardTemplateId'));
  const sequenceKey = personId && templateId ? `${personId}/${templateId}` : undefined;
  const bySequence = sequenceKey ? { sequenceKey } : {};
  if (kind !== 'printJob') return bySequence;
  // The print-job payload is undocumented: a deployment that knows its job id names it; the documented pair is
  // the fallback, and it is the same for every print of one card.
  const configured = keyPath ? idText(valueAtPath(body, keyPath)) : undefined;
  if (keyPath && !configured) notes.push(`No value at the configured print-job key "${keyPath}"`);
  const printJobKey = configured ?? sequenceKey;
  if (!printJobKey) notes.push('No print-job identity (neither the configured key nor PersonId + CardTemplateId)');
  return { ...bySequence, ...(printJobKey ? { printJobKey } : {}) };
}

/**
 * Reads a delivery's event header and body. Never throws: an unknown event is kept by its name, an unreadable body
 * by its text.
 */
export function parseRapidadminMessage(input: { eventHeader: string | undefined; text: string; printJobKeyPath?: string | undefined }): RapidadminMessage {
  const notes: string[] = [];
  const recognised = recogniseEvent(input.eventHeader);
  const header = input.eventHeader?.trim();
  const head = recognised.known
    ? {
        event: recognised.term.name,
        kind: recognised.term.kind,
        action: recognised.term.action,
        ...(header !== recognised.term.name ? { header: header ?? '' } : {}),
      }
    : { event: recognised.name, kind: 'unknown' as const };
  if (!recognised.known) notes.push(`Unknown event "${recognised.name}": stored and shown as it arrived`);

  const read = parseTolerantJson(input.text);
  if (!read.ok) {
    notes.push(`Unreadable body (${read.reason}): kept as it arrived`);
    return { ...head, readable: false, raw: input.text.slice(0, RAW_KEPT_CHARS), notes };
  }
  if (read.repaired) notes.push('Body had trailing commas (not valid JSON); read without them');
  const trimmed: string[] = [];
  const body = trimDeep(read.value, '', trimmed);
  if (trimmed.length > 0) notes.push(`Spaces trimmed from ${trimmed.join(', ')}`);
  if (!asRecord(body)) notes.push('The body is JSON but not an object');
  return { ...head, readable: true, body, ...identities(body, head.kind, input.printJobKeyPath, notes), notes };
}
