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

export function StatusBadge({ status }: { status: string }) {
  const look = LOOK[status] ?? { icon: '?', tone: 'muted' };
  return (
    <span className={`badge badge-${look.tone}`}>
      <span aria-hidden="true">{look.icon}</span> {status}
    </span>
  );
}
