import { Fragment, useId, useRef, type ReactNode } from 'react';
import { useT } from '../../i18n/use-t';
import { BURST_GAP_MS, BurstDetector } from '../keyboard/key-bursts';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/** The keys never take the focus from the field: a gloved tap, then a typed digit, both land in the same PIN. */
const keepFocus = (e: { preventDefault: () => void }) => e.preventDefault();

function KeypadKey({
  children,
  onPress,
  disabled,
  className,
  label,
}: {
  children: ReactNode;
  onPress: () => void;
  disabled: boolean;
  className?: string;
  label?: string;
}) {
  return (
    <button
      type="button"
      className={`keypad-key${className ? ` ${className}` : ''}`}
      aria-label={label}
      disabled={disabled}
      onMouseDown={keepFocus}
      onClick={onPress}
    >
      {children}
    </button>
  );
}

/**
 * A PIN typed with gloves: large keys (digits, Clear, Back, OK) under a field that shows one dot per character. The
 * field keeps the focus while the keys are pressed, so a physical keyboard works too, and IT may type a password
 * there (letters included). Enter or OK submits. A badge scanned while the field has the focus (a reader's burst of
 * keys ending in Enter) is a badge, given to `onBadge`, never part of the PIN nor a PIN sent.
 */
export function PinKeypad({
  label,
  value,
  onChange,
  onSubmit,
  submitLabel,
  disabled = false,
  autoFocus = true,
  maxLength = 200,
  submitClass = 'btn-go',
  onBadge,
}: {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  onSubmit: () => void;
  submitLabel: ReactNode;
  disabled?: boolean;
  autoFocus?: boolean;
  maxLength?: number;
  /** What OK does, in colour as in words: a card destroyed is `btn-danger`. */
  submitClass?: string;
  onBadge?: (badge: string) => void;
}) {
  const t = useT();
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  const bursts = useRef(new BurstDetector());
  // The PIN as it was before the keys of the run now typing: what a scan's characters are taken back to.
  const run = useRef({ lastAt: -Infinity, before: value });
  const press = (next: string) => {
    onChange(next.slice(0, maxLength));
    field.current?.focus();
  };
  return (
    <div className="keypad" role="group" aria-label={t('people:keypad.label')}>
      <label htmlFor={id} className="keypad-label">
        {label}
      </label>
      <input
        ref={field}
        id={id}
        className="input keypad-field"
        type="password"
        autoComplete="off"
        spellCheck={false}
        maxLength={maxLength}
        data-autofocus={autoFocus || undefined}
        // A screen with no dialog focuses the field itself: the Dialog does it for those inside one.
        autoFocus={autoFocus}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.timeStamp - run.current.lastAt >= BURST_GAP_MS || e.timeStamp < run.current.lastAt) run.current.before = value;
          run.current.lastAt = e.timeStamp;
          const keys = bursts.current.press(e.key, e.timeStamp);
          if (e.key !== 'Enter') return;
          e.preventDefault();
          if (keys.burst && onBadge) {
            bursts.current.reset();
            onChange(run.current.before);
            onBadge(keys.text.trim());
            return;
          }
          if (value !== '') onSubmit();
        }}
      />
      {/* Four keys a row, the last of each a word: 1 2 3 Back / 4 5 6 Clear / 7 8 9 0, then OK across. */}
      {DIGITS.map((d) => (
        <Fragment key={d}>
          <KeypadKey disabled={disabled} onPress={() => press(value + d)}>
            {d}
          </KeypadKey>
          {d === '3' && (
            <KeypadKey disabled={disabled} onPress={() => press(value.slice(0, -1))} className="keypad-word" label={t('people:keypad.backLabel')}>
              <span aria-hidden="true">⌫</span> {t('people:keypad.back')}
            </KeypadKey>
          )}
          {d === '6' && (
            <KeypadKey disabled={disabled} onPress={() => press('')} className="keypad-word" label={t('people:keypad.clearLabel')}>
              {t('people:keypad.clear')}
            </KeypadKey>
          )}
        </Fragment>
      ))}
      <KeypadKey disabled={disabled} onPress={() => press(value + '0')}>
        0
      </KeypadKey>
      <button
        type="button"
        className={`btn ${submitClass} keypad-ok`}
        disabled={disabled || value === ''}
        onMouseDown={keepFocus}
        onClick={onSubmit}
      >
        {submitLabel}
      </button>
    </div>
  );
}
