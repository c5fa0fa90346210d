/**
 * RapIDadmin / EliteID event names (seed 001). The `x-event-name` header names the event; the doc spells the same
 * events several ways (`EliteId.` and `EliteID.`, `PrintJob.Complete` and `PrintJob.Completed`), so names are matched
 * case-insensitively and Completed is read as Complete. An unknown name is kept verbatim.
 */
export type RapidadminKind = 'person' | 'credential' | 'printJob' | 'unknown';
export type RapidadminAction = 'Created' | 'Updated' | 'Deleted' | 'Started' | 'Complete' | 'Failed';

export interface RapidadminEventTerm {
  /** The spelling of the doc's event table, used as the canonical name. */
  readonly name: string;
  readonly kind: Exclude<RapidadminKind, 'unknown'>;
  readonly action: RapidadminAction;
  /** The doc's description, in words an operator reads. */
  readonly text: string;
}

export const RAPIDADMIN_EVENTS = [
  { name: 'EliteId.Person.Created', kind: 'person', action: 'Created', text: 'New person record created' },
  { name: 'EliteId.Person.Updated', kind: 'person', action: 'Updated', text: 'Person record modified' },
  { name: 'EliteId.Person.Deleted', kind: 'person', action: 'Deleted', text: 'Person record removed' },
  { name: 'EliteId.PersonCredential.Created', kind: 'credential', action: 'Created', text: 'Initial card issuance' },
  { name: 'EliteId.PersonCredential.Updated', kind: 'credential', action: 'Updated', text: 'Card reprint or smart card update' },
  { name: 'RapIDAdmin.PrintJob.Started', kind: 'printJob', action: 'Started', text: 'Print started' },
  { name: 'RapIDAdmin.PrintJob.Complete', kind: 'printJob', action: 'Complete', text: 'Card printed' },
  { name: 'RapIDAdmin.PrintJob.Failed', kind: 'printJob', action: 'Failed', text: 'Card failed to print' },
] as const satisfies readonly RapidadminEventTerm[];

/** The example headings write `PrintJob.Completed` where the event table says `PrintJob.Complete`. */
const ALIASES: Record<string, string> = { 'rapidadmin.printjob.completed': 'rapidadmin.printjob.complete' };

export type RecognisedEvent =
  | { known: true; term: RapidadminEventTerm }
  | { known: false; name: string };

export const NO_EVENT_NAME = '(no x-event-name header)';

export function recogniseEvent(header: string | undefined): RecognisedEvent {
  const raw = header?.trim() ?? '';
  if (raw === '') return { known: false, name: NO_EVENT_NAME };
  const lower = raw.toLowerCase();
  const wanted = ALIASES[lower] ?? lower;
  const term = RAPIDADMIN_EVENTS.find((t) => t.name.toLowerCase() === wanted);
  return term ? { known: true, term } : { known: false, name: raw };
}
