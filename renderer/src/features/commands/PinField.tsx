import { useId } from 'react';
import { useT } from '../../i18n/use-t';

/** The supervisor PIN, asked for by Approve, Reject and Abort only when one is configured. */
export function PinField({ value, onChange, autoFocus = false }: { value: string; onChange: (pin: string) => void; autoFocus?: boolean }) {
  const t = useT();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('commands:supervisorPin')}</label>
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
