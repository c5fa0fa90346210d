import type { IdvMessage } from '../../../../shared/idv/message';

/** One verification process as the console knows it, folded from its webhooks. */
export interface VerificationState {
  processId: string;
  state?: string;
  result?: string;
  flow?: string;
  lastEvent?: string;
  lastEventDescription?: string;
  /** The latest alert reason, under the rules in force when its delivery arrived. */
  alert?: string;
  firstAt: string;
  updatedAt: string;
  deliveries: number;
  notes: string[];
}

const FIELDS = ['state', 'result', 'flow', 'lastEvent', 'lastEventDescription'] as const;

/**
 * Folds one webhook into its process. Pure. Each delivery states the whole of the process's current facts (lastEvent
 * comes only with `expired`), so it replaces what was known; a result that changes is noted, since a finished
 * process should not change its outcome.
 */
export function applyVerification(prev: VerificationState | undefined, message: IdvMessage & { processId: string }, at: string): VerificationState {
  const next: VerificationState = {
    ...(prev ?? { processId: message.processId, firstAt: at, deliveries: 0, notes: [] }),
    updatedAt: at,
    deliveries: (prev?.deliveries ?? 0) + 1,
  };
  for (const key of FIELDS) {
    const value = message[key];
    if (value !== undefined) next[key] = value;
    else delete next[key];
  }
  const notes = [...(prev?.notes ?? [])];
  if (prev?.result !== undefined && message.result !== undefined && prev.result !== message.result) {
    notes.push(`Result changed from "${prev.result}" to "${message.result}" at ${at}`);
  }
  for (const n of message.notes) if (!notes.includes(n)) notes.push(n);
  next.notes = notes;
  if (message.alert !== undefined) next.alert = message.alert;
  else delete next.alert;
  return next;
}
