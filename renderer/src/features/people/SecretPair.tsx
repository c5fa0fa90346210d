import { useId } from 'react';
import { useT } from '../../i18n/use-t';

/** A new PIN typed twice, and whether the two agree: what the form needs before it may be sent. */
export interface SecretPairValue {
  first: string;
  second: string;
}

export const pairReady = (p: SecretPairValue): boolean => p.first !== '' && p.first === p.second;

/** One of the two fields: a new secret the browser must not fill in from a saved one. */
function SecretInput({
  id,
  label,
  value,
  onChange,
  invalid = false,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  invalid?: boolean;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="input input-pin"
        type="password"
        autoComplete="new-password"
        maxLength={200}
        aria-invalid={invalid || undefined}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

/**
 * A new PIN or password, typed twice so that a slip is caught here. The rules on length are the core's: its refusal
 * is shown by the form.
 */
export function SecretPair({ value, onChange, hint }: { value: SecretPairValue; onChange: (v: SecretPairValue) => void; hint: string }) {
  const t = useT();
  const id = useId();
  const differ = value.second !== '' && value.first !== value.second;
  return (
    <div className="secret-pair">
      <SecretInput id={`${id}-1`} label={t('people:pair.pin')} value={value.first} onChange={(first) => onChange({ ...value, first })} />
      <SecretInput id={`${id}-2`} label={t('people:pair.again')} invalid={differ} value={value.second} onChange={(second) => onChange({ ...value, second })} />
      <p className={differ ? 'error-text secret-pair-note' : 'muted secret-pair-note'} role={differ ? 'alert' : undefined}>
        {differ ? (
          <>
            <span aria-hidden="true">✕</span> {t('people:pair.differ')}
          </>
        ) : (
          hint
        )}
      </p>
    </div>
  );
}
