import { fail, type Result } from '../../../shared/api/result';
import type { ConsoleState, SliceCreator } from './types';

/**
 * Every user action (Resume, Stop, Abort, Start, a decision, Send again, Acknowledge, a feed action, a setting, a
 * trainee's action, the audit export) runs through `runAction`: once however often it is pressed, marked busy while it
 * is on its way, and, when the core refuses it, posted with `postError` (errors-slice.ts) for the one place that shows
 * failures. Nothing here throws for a refusal: it is a value, `{ ok: false, error }`.
 */

/** A user action: the key that makes it run once (and finds its failure), and its name as a person reads it. */
export interface Action {
  key: string;
  label: string;
}

/** The keys of the actions, in one place: what marks a button busy and what a dialog looks its failure up by. */
export const actionKey = {
  machine: (machineId: string, kind: 'resume' | 'stop' | 'abort' | 'start') => `${kind}:${machineId}`,
  review: (reviewId: number) => `review:${reviewId}`,
  command: (commandId: number) => `command:${commandId}`,
  alert: (alertId: number) => `alert:${alertId}`,
  /** Shelving and unshelving one alert: the shelve dialog shows its own refusal (a wrong PIN, a suspension). */
  shelve: (alertId: number) => `shelve:${alertId}`,
  alarmTest: 'alarm-test',
  feedAlert: (id: string) => `feed-alert:${id}`,
  verificationDetails: (processId: string) => `verification-details:${processId}`,
  verificationRules: 'verification-alert-rules',
  setting: (key: string) => `setting:${key}`,
  /** One trainee action at a time, whichever machine: the simulated world changes under every one. */
  training: 'training',
  auditExport: 'audit-export',
  backup: 'backup',
  auditEventsExport: 'audit-events-export',
  /** Sign-in, sign-out, PIN change and the first account: this station's own session (features/people). */
  session: (what: 'sign-in' | 'sign-out' | 'change-pin' | 'first-account' | 'language') => `session:${what}`,
  /** IT's changes to one account; `new` for the account being created. */
  account: (id: number | 'new') => `account:${id}`,
} as const;

export interface ActionsSlice {
  /** Actions on their way, by key: a second press while one is on its way does nothing. */
  busy: Record<string, true>;
}

export const createActionsSlice: SliceCreator<ActionsSlice> = () => ({ busy: {} });

type Setter = Parameters<SliceCreator<unknown>>[0];
type Getter = Parameters<SliceCreator<unknown>>[1];

/**
 * Runs `call` unless the same action is already on its way (then resolves to undefined and sends nothing). Clears the
 * action's earlier failure, applies the value when the core accepts, posts the error when it refuses; resolves to the
 * result either way.
 */
export async function runAction<T>(
  set: Setter,
  get: Getter,
  action: Action,
  call: () => Promise<Result<T>>,
  apply?: (value: T) => void,
): Promise<Result<T> | undefined> {
  if (get().busy[action.key]) return undefined;
  set((s) => ({ busy: { ...s.busy, [action.key]: true } }));
  get().dismissError(action.key);
  try {
    let result: Result<T>;
    try {
      result = await call();
    } catch (err) {
      // A transport never throws for a refusal; a bug that does must not leave the button busy for good.
      console.error(`${action.label}: failed unexpectedly`, err);
      result = fail('internal', err instanceof Error ? err.message : String(err));
    }
    if (result.ok) apply?.(result.value);
    else get().postError(action, result.error);
    return result;
  } finally {
    set((s) => {
      const { [action.key]: _done, ...rest } = s.busy;
      return { busy: rest };
    });
  }
}

/** Whether the action is on its way: its button waits. */
export const selectBusy =
  (key: string) =>
  (s: ConsoleState): boolean =>
    s.busy[key] === true;
