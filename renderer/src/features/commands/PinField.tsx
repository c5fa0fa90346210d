import { useId } from 'react';

/** The supervisor PIN, asked for by Approve, Reject and Abort only when one is configured. */
export function PinField({ value, onChange, autoFocus = false }: { value: string; onChange: (pin: string) => void; autoFocus?: boolean }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Supervisor PIN</label>
      <input
        id={id}
        className="input input-pin"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={64}
        data-autofocus={autoFocus || undefined}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
