import type { CommandState, CommandView } from '../../../../shared/api/views';
import { COMMAND_WORD } from '../../ui/command-words';

export const STATE_LOOK: Record<CommandState, { icon: string; word: string; tone: string }> = {
  queued: { icon: '…', word: 'Queued', tone: 'muted' },
  sent: { icon: '↗', word: 'Sent', tone: 'info' },
  acknowledged: { icon: '✓', word: 'Acknowledged', tone: 'ok' },
  failed: { icon: '✕', word: 'Failed', tone: 'bad' },
};

/** A decision's outcome in the words the review used; other commands need no more than their kind. */
export function whatWasDone(c: CommandView): string {
  if (c.kind !== 'signal') return COMMAND_WORD[c.kind];
  const outcome = c.payload && typeof c.payload === 'object' ? (c.payload as { outcome?: unknown }).outcome : undefined;
  const word =
    outcome === 'Completed'
      ? 'approve / encoded'
      : outcome === 'Faulted'
        ? 'reject / failed'
        : outcome === 'Canceled'
          ? 'cancelled: card rejected'
          : String(outcome ?? '?');
  return `Decision: ${String(outcome ?? '?')} (${word})${c.reviewId !== undefined ? `, review ${c.reviewId}` : ''}`;
}
