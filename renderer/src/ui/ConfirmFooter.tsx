import type { ReactNode } from 'react';
import { useT } from '../i18n/use-t';

/**
 * The end of every question dialog: what went wrong (the machine's or the console's words), a safe way out that
 * holds the focus, and the action itself, disabled until it may be sent.
 */
export function ConfirmFooter({
  error,
  cancelLabel,
  onCancel,
  confirmLabel,
  confirmClass,
  disabled,
  onConfirm,
  cancelTakesFocus = true,
}: {
  error: string | undefined;
  cancelLabel: string;
  onCancel: () => void;
  confirmLabel: ReactNode;
  confirmClass: string;
  disabled: boolean;
  onConfirm: () => void;
  cancelTakesFocus?: boolean;
}) {
  return (
    <>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-buttons">
        <button type="button" className="btn" data-autofocus={cancelTakesFocus || undefined} onClick={onCancel}>
          {cancelLabel}
        </button>
        <button type="button" className={`btn ${confirmClass}`} disabled={disabled} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </>
  );
}

/** The end of a question whose action destroys nothing (create, save, approve): a plain Cancel, the action in green. */
export function GoFooter({ confirmLabel, ...rest }: Omit<Parameters<typeof ConfirmFooter>[0], 'cancelLabel' | 'confirmClass'>) {
  const t = useT();
  return (
    <ConfirmFooter
      {...rest}
      cancelLabel={t('common:cancel')}
      confirmClass="btn-go"
      confirmLabel={
        <>
          <span aria-hidden="true">✓</span> {confirmLabel}
        </>
      }
    />
  );
}
