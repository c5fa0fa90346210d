import type { ApiError } from '../../../shared/api/result';
import type { Action } from './actions';
import type { ConsoleState, SliceCreator } from './types';

/** A user action the core (or the transport) refused, as the person is told it. */
export interface ActionFailure {
  key: string;
  /** What was pressed, on what: "Resume — AIDA line 1". */
  label: string;
  error: ApiError;
  /** When it was posted (ms since the epoch). */
  at: number;
}

/**
 * The one place an action's failure goes. The failure panel (app/ActionFailures.tsx) shows every one that no other
 * control shows; a control that must show its own beside it (a dialog that stays open on a wrong PIN, a setting's row,
 * the start form, the audit export) owns the action's failures while it is on screen, and reads them from here too.
 */
export interface ErrorsSlice {
  /** Failures not yet dismissed, oldest first; one per action (trying it again clears it). */
  failures: ActionFailure[];
  /** Actions whose failures a control on screen shows beside itself, by key: how many such controls there are. */
  failureOwners: Record<string, number>;
  postError(action: Action, error: ApiError): void;
  dismissError(key: string): void;
  /**
   * A control shows this action's failures itself from now on: the panel leaves them to it. The returned release
   * dismisses them as the control goes (its person has seen them, or closed the question).
   */
  ownFailures(key: string): () => void;
}

/** Older failures drop off: a band full of them would hide the screen and the one that matters. */
const MAX_FAILURES = 3;

export const createErrorsSlice: SliceCreator<ErrorsSlice> = (set, get) => ({
  failures: [],
  failureOwners: {},
  postError(action, error) {
    set((s) => ({
      failures: [...s.failures.filter((f) => f.key !== action.key), { key: action.key, label: action.label, error, at: Date.now() }].slice(
        -MAX_FAILURES,
      ),
    }));
  },
  dismissError(key) {
    if (!get().failures.some((f) => f.key === key)) return;
    set((s) => ({ failures: s.failures.filter((f) => f.key !== key) }));
  },
  ownFailures(key) {
    set((s) => ({ failureOwners: { ...s.failureOwners, [key]: (s.failureOwners[key] ?? 0) + 1 } }));
    return () => {
      set((s) => {
        const { [key]: count = 0, ...rest } = s.failureOwners;
        return { failureOwners: count > 1 ? { ...rest, [key]: count - 1 } : rest };
      });
      get().dismissError(key);
    };
  },
});

/** The failure of one action, for the control that owns it. */
export const selectFailure =
  (key: string) =>
  (s: ConsoleState): ActionFailure | undefined =>
    s.failures.find((f) => f.key === key);

/** Failures no control on screen shows: the panel's. Wrap with `useShallow`. */
export const selectUnownedFailures = (s: ConsoleState): ActionFailure[] => s.failures.filter((f) => !s.failureOwners[f.key]);
