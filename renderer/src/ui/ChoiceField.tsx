import { useId } from 'react';

/**
 * A labelled drop-down whose first choice means "no filter". The filters of the job queue and of the audit trail
 * are all of this shape.
 */
export function ChoiceField({
  label,
  value,
  onChange,
  anyLabel,
  choices,
  className,
  selectClassName,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  anyLabel: string;
  choices: readonly { value: string; label: string }[];
  className: string;
  selectClassName?: string;
}) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      <select id={id} className={selectClassName} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{anyLabel}</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}
