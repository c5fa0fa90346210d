import type { VerificationView } from '../../../../shared/api/feeds';

const LOOK: Record<VerificationView['outcome'], { icon: string; tone: string; word: string }> = {
  passed: { icon: '✓', tone: 'ok', word: 'PASSED' },
  failed: { icon: '✕', tone: 'bad', word: 'FAILED' },
  expired: { icon: '◷', tone: 'warn', word: 'EXPIRED' },
  pending: { icon: '…', tone: 'muted', word: 'NOT FINISHED' },
  unknown: { icon: '?', tone: 'warn', word: 'UNKNOWN' },
};

/** A verification's outcome as an icon and words, readable from two metres. */
export function OutcomeBadge({ outcome }: { outcome: VerificationView['outcome'] }) {
  const look = LOOK[outcome];
  return (
    <span className={`badge badge-${look.tone} outcome-badge`} data-outcome={outcome}>
      <span aria-hidden="true">{look.icon}</span> {look.word}
    </span>
  );
}
