import { formatDateTime } from '../format';

/**
 * A review or command the console holds from a restored backup: the machine may have got its decision after the
 * backup was made, so the core sends nothing and takes no decision until the machine says where the job is.
 */
export function RestoredMark({ restoredAt, what }: { restoredAt: string; what: 'review' | 'command' }) {
  return (
    // A span: it also sits inside a command's outcome line, itself a paragraph.
    <span className="restored-mark warn-text" role="status" data-restored-at={restoredAt}>
      <span aria-hidden="true">⟲</span> Restored from a backup ({formatDateTime(restoredAt)}): check at the machine.{' '}
      {what === 'review'
        ? "Nothing can be decided here until the machine's list of waiting jobs shows this one still waiting, or a newer message from it arrives."
        : "Not sent until the machine's list of waiting jobs, or a newer message from it, settles it."}
    </span>
  );
}
