import { useId } from 'react';

/** A new PIN typed twice, and whether the two agree: what the form needs before it may be sent. */
export interface SecretPairValue {
  first: string;
  second: string;
}

export const pairReady = (p: SecretPairValue): boolean => p.first !== '' && p.first === p.second;

/**
 * A new PIN or password, typed twice so that a slip is caught here. The rules on length are the core's: its refusal
 * is shown by the form.
 */
export function SecretPair({ value, onChange, hint }: { value: SecretPairValue; onChange: (v: SecretPairValue) => void; hint: string }) {
  const id = useId();
  const differ = value.second !== '' && value.first !== value.second;
  return (
    <div className="secret-pair">
      <div className="field">
        <label htmlFor={`${id}-1`}>PIN</label>
        <input
          id={`${id}-1`}
          className="input input-pin"
          type="password"
          autoComplete="new-password"
          maxLength={200}
          value={value.first}
          onChange={(e) => onChange({ ...value, first: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-2`}>The same PIN again</label>
        <input
          id={`${id}-2`}
          className="input input-pin"
          type="password"
          autoComplete="new-password"
          maxLength={200}
          aria-invalid={differ || undefined}
          value={value.second}
          onChange={(e) => onChange({ ...value, second: e.target.value })}
        />
      </div>
      <p className={differ ? 'error-text secret-pair-note' : 'muted secret-pair-note'} role={differ ? 'alert' : undefined}>
        {differ ? (
          <>
            <span aria-hidden="true">✕</span> The two PINs differ.
          </>
        ) : (
          hint
        )}
      </p>
    </div>
  );
}
