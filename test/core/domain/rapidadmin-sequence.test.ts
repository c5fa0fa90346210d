import { describe, expect, it } from 'vitest';
import { advanceSequence, type SequenceOutcome, type Step } from '../../../electron/core/domain/rapidadmin/sequence';

function run(steps: Step[]): SequenceOutcome[] {
  let state: SequenceOutcome['state'] | undefined;
  return steps.map((step, i) => {
    const outcome = advanceSequence(state, step, `2024-10-11T18:00:0${i}Z`);
    state = outcome.state;
    return outcome;
  });
}

describe('the doc\'s expected sequences, per person and card template', () => {
  it.each([
    ['First print', ['CredentialCreated', 'PrintStarted', 'PrintComplete']],
    ['Reprint', ['CredentialUpdated', 'PrintStarted', 'PrintComplete']],
    ['Failed print', ['CredentialUpdated', 'PrintFailed']],
    ['Smart card print', ['CredentialCreated', 'PrintStarted', 'CredentialUpdated', 'PrintComplete']],
    ['Smart card reprint', ['CredentialUpdated', 'PrintStarted', 'CredentialUpdated', 'PrintComplete']],
  ] as const)('recognises %s on its last event, unflagged', (name, steps) => {
    const outcomes = run([...steps]);
    expect(outcomes.at(-1)?.recognised).toBe(name);
    expect(outcomes.at(-1)?.state.open).toBe(false);
    expect(outcomes.flatMap((o) => o.flags)).toEqual([]);
    expect(outcomes.slice(0, -1).every((o) => o.recognised === undefined)).toBe(true);
  });

  it('follows one sequence after another: a reprint after a first print', () => {
    const outcomes = run(['CredentialCreated', 'PrintStarted', 'PrintComplete', 'CredentialUpdated', 'PrintStarted', 'PrintComplete']);
    expect(outcomes.map((o) => o.recognised).filter(Boolean)).toEqual(['First print', 'Reprint']);
  });

  it('flags a Complete without a Started, and accepts it', () => {
    const outcomes = run(['CredentialCreated', 'PrintComplete']);
    expect(outcomes[1]?.flags).toEqual(['Print complete without Print started']);
    expect(outcomes[1]?.recognised).toBeUndefined();
    expect(outcomes[1]?.state.steps).toEqual(['CredentialCreated', 'PrintComplete']);
  });

  it('flags a Complete that arrives alone', () => {
    expect(run(['PrintComplete'])[0]?.flags).toEqual(['Print complete without Print started']);
  });

  it('flags a print that starts with no credential event, and a second Started', () => {
    const outcomes = run(['PrintStarted', 'PrintStarted', 'PrintComplete']);
    expect(outcomes[0]?.flags[0]).toContain('no credential event before it');
    expect(outcomes[1]?.flags).toEqual(['Print started twice without Complete or Failed']);
  });

  it('flags a print that never ended when the next card begins', () => {
    const outcomes = run(['CredentialCreated', 'PrintStarted', 'CredentialCreated']);
    expect(outcomes[2]?.flags).toEqual(['The previous print of this card never reported Complete or Failed']);
    expect(outcomes[2]?.state.steps).toEqual(['CredentialCreated']);
  });

  it('flags a Failed with nothing before it, and a third credential update during one print', () => {
    expect(run(['PrintFailed'])[0]?.flags).toEqual(['Print failed with no credential event before it']);
    const outcomes = run(['CredentialUpdated', 'PrintStarted', 'CredentialUpdated', 'CredentialUpdated']);
    expect(outcomes[3]?.flags).toEqual(['More than one credential update during one print']);
  });

  it('calls a print that fails after starting a failed print', () => {
    expect(run(['CredentialUpdated', 'PrintStarted', 'PrintFailed'])[2]).toMatchObject({ recognised: 'Failed print', flags: [] });
  });
});
