import type { VerificationView } from '../../../../shared/api/feeds';
import { useT } from '../../i18n/use-t';

const LOOK: Record<VerificationView['outcome'], { icon: string; tone: string }> = {
  passed: { icon: '✓', tone: 'ok' },
  failed: { icon: '✕', tone: 'bad' },
  expired: { icon: '◷', tone: 'warn' },
  pending: { icon: '…', tone: 'muted' },
  unknown: { icon: '?', tone: 'warn' },
};

/** A verification's outcome as an icon and words, readable from two metres. */
export function OutcomeBadge({ outcome }: { outcome: VerificationView['outcome'] }) {
  const t = useT();
  const look = LOOK[outcome];
  return (
    <span className={`badge badge-${look.tone} outcome-badge`} data-outcome={outcome}>
      <span aria-hidden="true">{look.icon}</span> {t(`verification:outcome.${outcome}`)}
    </span>
  );
}
