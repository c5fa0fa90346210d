import type { AlertPriority } from '../../../../shared/api/alerts';
import { useT } from '../../i18n/use-t';

/** A shape per priority, so that it reads without colour (ISA-101): the word says it too. */
export const PRIORITY_SHAPE: Record<AlertPriority, string> = { critical: '◆', high: '▲', medium: '■', low: '●' };

/** The priority as the band shows it: colour, shape and word together, never the colour alone. */
export function PriorityMark({ priority }: { priority: AlertPriority }) {
  const t = useT();
  return (
    <span className={`priority-mark priority-${priority}`}>
      <span aria-hidden="true">{PRIORITY_SHAPE[priority]}</span> {t(`alerts:priority.${priority}`)}
    </span>
  );
}
