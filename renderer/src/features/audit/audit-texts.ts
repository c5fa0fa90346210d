import type { CommandState, CommandView } from '../../../../shared/api/views';
import type { Translate } from '../../../../shared/i18n/translate';
import { translateCommand } from '../../ui/command-words';

/** A command's state as an icon and a tone; the word comes from `stateWord`, in the viewer's language. */
export const STATE_LOOK: Record<CommandState, { icon: string; tone: string }> = {
  queued: { icon: '…', tone: 'muted' },
  sent: { icon: '↗', tone: 'info' },
  acknowledged: { icon: '✓', tone: 'ok' },
  failed: { icon: '✕', tone: 'bad' },
};

export const stateWord = (t: Translate, state: CommandState): string => t(`audit:state.${state}`);

const DECISION_WORD: Record<string, string> = { Completed: 'audit:decision.approve', Faulted: 'audit:decision.reject', Canceled: 'audit:decision.cancel' };

/**
 * A decision's outcome in the words the review used; other commands need no more than their kind. The outcome AIDA
 * is sent (Completed, Faulted, Canceled) stays as sent beside its words.
 */
export function whatWasDone(t: Translate, c: CommandView): string {
  if (c.kind !== 'signal') return translateCommand(t, c.kind);
  const outcome = c.payload && typeof c.payload === 'object' ? (c.payload as { outcome?: unknown }).outcome : undefined;
  const sent = String(outcome ?? '?');
  const word = typeof outcome === 'string' && Object.hasOwn(DECISION_WORD, outcome) ? t(DECISION_WORD[outcome] ?? '') : sent;
  return t(c.reviewId !== undefined ? 'audit:decision.lineReview' : 'audit:decision.line', { outcome: sent, word, review: c.reviewId });
}
