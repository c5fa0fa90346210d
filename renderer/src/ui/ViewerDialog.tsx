import { useId, type ReactNode } from 'react';
import { useT } from '../i18n/use-t';
import { Dialog } from './Dialog';

/** Details over the view (a job's messages, a refused delivery), closed by its large Close button or Escape. */
export function ViewerDialog({ title, badge, onClose, children }: { title: string; badge?: ReactNode; onClose: () => void; children: ReactNode }) {
  const t = useT();
  const id = useId();
  return (
    <Dialog titleId={`${id}-title`} onCancel={onClose} variant="viewer">
      <header className="modal-header">
        <h2 id={`${id}-title`}>{title}</h2>
        {badge}
        <button type="button" className="btn modal-close" data-autofocus onClick={onClose}>
          <span aria-hidden="true">✕</span> {t('common:close')}
        </button>
      </header>
      {children}
    </Dialog>
  );
}
