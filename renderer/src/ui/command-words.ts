import type { CommandKind } from '../../../shared/api/views';

/** A command's kind in the words on its button: the outcome line, the audit trail and the alert history say the same. */
export const COMMAND_WORD: Record<CommandKind, string> = {
  resume: 'Resume',
  stop: 'Stop',
  abort: 'Abort',
  start: 'Start issuance',
  signal: 'Decision',
};

/** The words for a kind recorded as text (an alert's history): a kind this console does not know is shown as sent. */
export const commandWord = (kind: string): string => (Object.hasOwn(COMMAND_WORD, kind) ? COMMAND_WORD[kind as CommandKind] : kind);
