import type { VerificationView } from '../../../../shared/api/feeds';

const LOOK: Record<VerificationView['outcome'], { icon: string; tone: string; word: string }> = {
  passed: { icon: '✓', tone: 'ok', word: 'Verified' },
  failed: { icon: '✕', tone: 'bad', word: 'NOT verified' },
  expired: { icon: '⌛', tone: 'warn', word: 'Expired' },
  pending: { icon: '…', tone: 'muted', word: 'Not finished' },
  unknown: { icon: '?', tone: 'warn', word: 'Unknown result' },
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
