/**
 * The identity-verification service's webhook vocabulary (seed 002; its names are Unico IDCloud's). The webhook's
 * `state` uses PROCESS_STATE_*; GetProcess answers with PROCESS_RESULT_* values. The seed insists they are distinct
 * vocabularies, so this module knows only the webhook's and the GetProcess reader never maps one onto the other.
 */
export interface IdvTerm {
  readonly name: string;
  readonly text: string;
}

export const PROCESS_STATES = [{ name: 'PROCESS_STATE_FINISHED', text: 'Finished' }] as const satisfies readonly IdvTerm[];

export const WEBHOOK_RESULTS = [
  { name: 'ok', text: 'Identity verified' },
  { name: 'expired', text: 'Verification expired: the applicant did not finish' },
  { name: 'invalid_identity', text: 'Identity NOT verified' },
] as const satisfies readonly IdvTerm[];

/** The seed's full list of lastEvent values ("the set of events may evolve": unknown ones are shown verbatim). */
export const LAST_EVENTS = [
  { name: 'EVENT_TYPE_PROCESS_CREATED', text: 'Process created' },
  { name: 'EVENT_TYPE_QR_CODE_READ', text: 'QR code was read' },
  { name: 'EVENT_TYPE_PROCESS_STARTED_BY_USER', text: 'Process started by user' },
  { name: 'EVENT_TYPE_IDENTITY_VALIDATION_STEP_FINISHED', text: 'Identity validation step finished' },
  { name: 'EVENT_TYPE_DOCUMENT_STEP_STARTED', text: 'Document step has started' },
  { name: 'EVENT_TYPE_DOCUMENT_PHOTO_CAPTURED', text: 'Photo of the document taken' },
  { name: 'EVENT_TYPE_DOCUMENT_UPLOADED_FROM_GALLERY', text: 'Document uploaded from gallery' },
  { name: 'EVENT_TYPE_DOCUMENT_STEP_FINISHED', text: 'Document step finished' },
  { name: 'EVENT_TYPE_SESSION_ENDED', text: 'Session ended by timeout or by new session created' },
  { name: 'EVENT_TYPE_ERROR_ON_DOCUMENT_STEP', text: 'Error on document step' },
] as const satisfies readonly IdvTerm[];

/** A known name in its canonical spelling (matched case-insensitively), or the value verbatim. */
export function canonicalTerm(terms: readonly IdvTerm[], value: string): string {
  return terms.find((t) => t.name.toLowerCase() === value.toLowerCase())?.name ?? value;
}

export function termText(terms: readonly IdvTerm[], value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return terms.find((t) => t.name === value)?.text;
}

/** How a verification ended, for the operator: only `ok` passes; an unknown result is not a pass. */
export type VerificationOutcome = 'passed' | 'failed' | 'expired' | 'pending' | 'unknown';

export function outcomeOf(result: string | undefined): VerificationOutcome {
  if (result === undefined) return 'pending';
  if (result === 'ok') return 'passed';
  if (result === 'invalid_identity') return 'failed';
  if (result === 'expired') return 'expired';
  return 'unknown';
}
