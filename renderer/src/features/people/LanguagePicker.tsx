import { useId } from 'react';
import { LANGUAGE_NAMES, LANGUAGES, LanguageSchema, type Language } from '../../../../shared/i18n/languages';

/**
 * A person's own language, or the station's (`station`, shown with the station's language named): one native select,
 * large enough for a gloved tap. Each language is named in itself, so whoever reads it finds theirs.
 */
export function LanguagePicker({
  label,
  value,
  stationWord,
  disabled = false,
  onChange,
}: {
  label: string;
  value: Language | undefined;
  /** What choosing the station's language is called here ("As the station (English)"). */
  stationWord: string;
  disabled?: boolean;
  onChange: (language: Language | null) => void;
}) {
  const id = useId();
  return (
    <span className="language-picker">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className="input"
        value={value ?? ''}
        disabled={disabled}
        onChange={(e) => onChange(LanguageSchema.safeParse(e.target.value).data ?? null)}
      >
        <option value="">{stationWord}</option>
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </span>
  );
}
