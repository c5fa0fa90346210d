import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useCloseOnLock } from '../features/people/use-close-on-lock';

/**
 * A modal over the view: a question before a command that cannot be taken back, or a viewer of details. Focus
 * starts on the element marked `data-autofocus` (the safe choice, or Close), Tab stays inside, Escape cancels, and
 * while it is open the single-key shortcuts are off (they look for `aria-modal`). It cancels itself when the station
 * locks (use-close-on-lock.ts).
 */
export function Dialog({
  titleId,
  onCancel,
  children,
  variant = 'question',
}: {
  titleId: string;
  onCancel: () => void;
  children: ReactNode;
  variant?: 'question' | 'viewer';
}) {
  const box = useRef<HTMLDivElement>(null);
  useCloseOnLock(onCancel);
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
    box.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    // Back to the button that opened it, so that a keyboard user does not lose their place.
    return () => before?.focus();
  }, []);

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onCancel();
      return;
    }
    if (e.key !== 'Tab' || !box.current) return;
    const focusable = [...box.current.querySelectorAll<HTMLElement>('button:not(:disabled), input:not(:disabled), textarea, select')];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  }

  return createPortal(
    <div className="dialog-backdrop">
      <div
        ref={box}
        className={variant === 'viewer' ? 'dialog dialog-viewer' : 'dialog'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
      >
        {children}
      </div>
    </div>,
    document.body,
  );
}
