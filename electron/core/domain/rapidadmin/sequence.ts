/**
 * The doc's "expected webhook events for common scenarios", recognised per person and card template. A sequence
 * that breaks is flagged, never refused: EliteID API operations and imports send no webhooks, and a subscription may
 * cover only some events, so a gap is information, not an error.
 */
export type Step = 'CredentialCreated' | 'CredentialUpdated' | 'PrintStarted' | 'PrintComplete' | 'PrintFailed';

export interface SequenceState {
  steps: Step[];
  /** False once a print completed or failed: the next event starts a new sequence. */
  open: boolean;
  since: string;
}

export interface SequenceOutcome {
  state: SequenceState;
  /** The documented scenario this step completed. */
  recognised?: string;
  flags: string[];
}

const C = 'CredentialCreated';
const U = 'CredentialUpdated';
const S = 'PrintStarted';
const OK = 'PrintComplete';

const SCENARIOS: readonly { steps: readonly Step[]; name: string }[] = [
  { steps: [C, S, OK], name: 'First print' },
  { steps: [U, S, OK], name: 'Reprint' },
  { steps: [C, S, U, OK], name: 'Smart card print' },
  { steps: [U, S, U, OK], name: 'Smart card reprint' },
];

export const STEP_WORDS: Record<Step, string> = {
  CredentialCreated: 'Credential created',
  CredentialUpdated: 'Credential updated',
  PrintStarted: 'Print started',
  PrintComplete: 'Print complete',
  PrintFailed: 'Print failed',
};

const isCredential = (s: Step) => s === C || s === U;

function recognise(steps: readonly Step[]): string | undefined {
  if (steps.at(-1) === 'PrintFailed' && steps.some(isCredential)) return 'Failed print';
  return SCENARIOS.find((sc) => sc.steps.length === steps.length && sc.steps.every((s, i) => s === steps[i]))?.name;
}

const fresh = (step: Step, at: string): SequenceState => ({ steps: [step], open: true, since: at });

/** Folds one step into the sequence of a person and card template. Pure: time is passed in. */
export function advanceSequence(prev: SequenceState | undefined, step: Step, at: string): SequenceOutcome {
  const open = prev?.open ? prev : undefined;
  const started = open?.steps.includes(S) ?? false;
  const flags: string[] = [];
  const close = (steps: Step[]): SequenceOutcome => {
    const state = { steps, open: false, since: open?.since ?? at };
    const recognised = recognise(steps);
    return { state, ...(recognised ? { recognised } : {}), flags };
  };

  if (isCredential(step)) {
    // A smart card's chip number arrives as a credential update between Started and Complete.
    if (open && started && step === U) {
      const updatesAfterStart = open.steps.slice(open.steps.indexOf(S)).filter((s) => s === U).length;
      if (updatesAfterStart >= 1) flags.push('More than one credential update during one print');
      return { state: { ...open, steps: [...open.steps, step] }, flags };
    }
    if (open && started) flags.push('The previous print of this card never reported Complete or Failed');
    return { state: fresh(step, at), flags };
  }
  if (step === S) {
    if (!open) {
      flags.push('Print started with no credential event before it (every documented sequence begins with one)');
      return { state: fresh(step, at), flags };
    }
    if (started) flags.push('Print started twice without Complete or Failed');
    return { state: { ...open, steps: [...open.steps, step] }, flags };
  }
  if (step === OK) {
    if (!started) flags.push('Print complete without Print started');
    return close([...(open?.steps ?? []), step]);
  }
  if (!open) flags.push('Print failed with no credential event before it');
  return close([...(open?.steps ?? []), step]);
}
