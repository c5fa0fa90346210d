import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A dialog over the view, closed by its large Close button or Escape. Focus moves to Close when it opens and back
 * to where it was when it closes, so a keyboard or a touch screen never loses its place.
 */
export function ModalDialog({ title, badge, onClose, children }: { title: string; badge?: ReactNode; onClose: () => void; children: ReactNode }) {
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
    closeButton.current?.focus();
    return () => before?.focus();
  }, []);
  return (
    <div className="modal-backdrop">
      <div
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
        }}
      >
        <header className="modal-header">
          <h2>{title}</h2>
          {badge}
          <button ref={closeButton} type="button" className="btn modal-close" onClick={onClose}>
            <span aria-hidden="true">✕</span> Close
          </button>
        </header>
        {children}
      </div>
    </div>
  );
}
