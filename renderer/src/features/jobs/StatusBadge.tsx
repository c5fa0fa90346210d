import { jobStatusLabel } from '../../../../shared/aida/vocabulary-texts';
import { useT } from '../../i18n/use-t';

/**
 * A job status as an icon and a word: never colour alone, readable from two metres. Following ISA-101, the normal
 * course of a job (starting, running, completed) stays in the text's own colour; colour is kept for what needs a look.
 */
const LOOK: Record<string, { icon: string; tone: string }> = {
  Running: { icon: '▶', tone: 'normal' },
  Starting: { icon: '▶', tone: 'normal' },
  Resuming: { icon: '▶', tone: 'normal' },
  Waiting: { icon: '…', tone: 'muted' },
  Suspended: { icon: '‖', tone: 'warn' },
  Completed: { icon: '✓', tone: 'normal' },
  Faulted: { icon: '✕', tone: 'bad' },
  Rejected: { icon: '✕', tone: 'bad' },
  Cancelled: { icon: '⊘', tone: 'bad' },
};

/** In the reader's language; AIDA's own word, as its screen shows it, on hover where the two differ. */
export function StatusBadge({ status }: { status: string }) {
  const t = useT();
  const look = LOOK[status] ?? { icon: '?', tone: 'muted' };
  const { word, title } = jobStatusLabel(t, status);
  return (
    <span className={`badge badge-${look.tone}`} title={title}>
      <span aria-hidden="true">{look.icon}</span> {word}
    </span>
  );
}
