import { useT } from '../../i18n/use-t';
import { useFormat } from '../format';

/**
 * A review or command the console holds from a restored backup: the machine may have got its decision after the
 * backup was made, so the core sends nothing and takes no decision until the machine says where the job is.
 */
export function RestoredMark({ restoredAt, what }: { restoredAt: string; what: 'review' | 'command' }) {
  const t = useT();
  const format = useFormat();
  return (
    // A span: it also sits inside a command's outcome line, itself a paragraph.
    <span className="restored-mark warn-text" role="status" data-restored-at={restoredAt}>
      <span aria-hidden="true">⟲</span> {t('commands:restored', { at: format.dateTime(restoredAt) })}{' '}
      {t(what === 'review' ? 'commands:restoredReview' : 'commands:restoredCommand')}
    </span>
  );
}
