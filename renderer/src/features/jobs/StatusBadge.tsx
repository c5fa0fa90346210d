/** A job status as an icon and a word: never colour alone, readable from two metres. */
const LOOK: Record<string, { icon: string; tone: string }> = {
  Running: { icon: '▶', tone: 'info' },
  Starting: { icon: '▶', tone: 'info' },
  Resuming: { icon: '▶', tone: 'info' },
  Waiting: { icon: '…', tone: 'muted' },
  Suspended: { icon: '‖', tone: 'warn' },
  Completed: { icon: '✓', tone: 'ok' },
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
