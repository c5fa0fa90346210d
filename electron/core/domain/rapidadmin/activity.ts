import { flattenFields, type ActivityEntry } from '../../../../shared/api/feeds';
import { recogniseEvent } from '../../../../shared/rapidadmin/events';
import { type RapidadminMessage } from '../../../../shared/rapidadmin/message';
import { asRecord, field, idText } from '../../../../shared/json-values';
import { personChanges, personName } from './person';
import { STEP_WORDS, type SequenceOutcome } from './sequence';

/** A credential's numbers, each with the field holding its previous value (seed 001's PersonCredential table). */
const NUMBERS = [
  { label: 'ISO', key: 'Iso', previous: 'PreviousIso' },
  { label: 'Prox number', key: 'ProxNumber', previous: 'PreviousProxNumber' },
  { label: 'Prox facility', key: 'ProxFacility', previous: 'PreviousProxFacility' },
  { label: 'Library', key: 'Library', previous: undefined },
] as const;

export interface ActivityContext {
  /** The person's last known record before this event, if the console has seen one. */
  knownPerson?: unknown;
  /** The last credential event of this person and card template, if any. */
  knownCredential?: unknown;
  sequence?: SequenceOutcome;
  /** This delivery repeats an identical earlier one within the window (domain/rapidadmin/replay.ts). */
  repeat?: ActivityEntry['repeat'];
}

function numbersOf(body: Record<string, unknown> | undefined): ActivityEntry['numbers'] {
  const out: ActivityEntry['numbers'] = [];
  for (const n of NUMBERS) {
    const value = idText(field(body, n.key));
    const previous = n.previous ? idText(field(body, n.previous)) : undefined;
    if (value === undefined && previous === undefined) continue;
    out.push({ label: n.label, value: value ?? '—', ...(previous !== undefined && previous !== value ? { previous } : {}) });
  }
  return out;
}

function headline(message: RapidadminMessage): string {
  const recognised = recogniseEvent(message.event);
  const words = recognised.known ? recognised.term.text : `Unknown event: ${message.event}`;
  return message.readable ? words : `${words} — body unreadable`;
}

/** One line of the activity feed, from an event and what the console already knew. Pure. */
export function activityEntry(seq: number, at: string, message: RapidadminMessage, ctx: ActivityContext = {}): ActivityEntry {
  const body = asRecord(message.body);
  const isPerson = message.kind === 'person';
  const personId = idText(field(body, isPerson ? 'Id' : 'PersonId'));
  const entry: ActivityEntry = {
    seq,
    at,
    event: message.event,
    known: message.kind !== 'unknown',
    kind: message.kind,
    headline: headline(message),
    readable: message.readable,
    numbers: message.kind === 'credential' ? numbersOf(body) : [],
    flags: ctx.sequence?.flags ?? [],
    notes: message.notes,
    fields: message.readable ? flattenFields(message.body) : [],
  };
  const put = <K extends keyof ActivityEntry>(key: K, value: ActivityEntry[K] | undefined) => {
    if (value !== undefined) entry[key] = value;
  };
  put('personId', personId);
  // Credential and print events carry no names, print events not even an id number or template name (as far as the
  // undocumented payload goes): the last person record and credential event seen supply them.
  const credential = asRecord(ctx.knownCredential);
  const person = asRecord(ctx.knownPerson);
  put('idNumber', idText(field(body, 'IdNumber')) ?? idText(field(credential, 'IdNumber')) ?? idText(field(person, 'IdNumber')));
  put('name', personName(body) ?? personName(person));
  put('cardTemplateId', idText(field(body, 'CardTemplateId')));
  put('cardTemplateName', idText(field(body, 'CardTemplateName')) ?? idText(field(credential, 'CardTemplateName')));
  put('printJobKey', message.printJobKey);
  put('raw', message.raw);
  if (isPerson && message.action === 'Updated' && body) {
    put('changes', ctx.knownPerson === undefined ? undefined : personChanges(ctx.knownPerson, body));
    if (ctx.knownPerson === undefined) entry.notes = [...entry.notes, 'First update seen of this person: what changed is not known'];
  }
  if (ctx.sequence) {
    put('steps', ctx.sequence.state.steps.map((s) => STEP_WORDS[s]));
    put('sequence', ctx.sequence.recognised);
  }
  put('repeat', ctx.repeat);
  return entry;
}
