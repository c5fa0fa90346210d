import { useId } from 'react';
import { useT } from '../../i18n/use-t';

/**
 * A badge read into a field: the reader types the number and presses Enter, which here ends the scan and never sends
 * the form. Typing the number by hand works too.
 */
export function BadgeField({
  value,
  onChange,
  label,
  autoFocus = false,
}: {
  value: string;
  onChange: (badge: string) => void;
  label?: string;
  autoFocus?: boolean;
}) {
  const t = useT();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label ?? t('people:badgeField')}</label>
      <input
        id={id}
        className="input input-badge mono"
        type="text"
        autoComplete="off"
        spellCheck={false}
        maxLength={200}
        data-autofocus={autoFocus || undefined}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.preventDefault();
        }}
      />
    </div>
  );
}
