import type { CommandView } from '../../../../shared/api/views';
import { COMMAND_WORD } from '../../ui/command-words';
import { formatTime } from '../format';
import { RestoredMark } from './RestoredMark';

const LOOK: Record<CommandView['state'], { icon: string; word: string }> = {
  queued: { icon: '…', word: 'Queued' },
  sent: { icon: '↗', word: 'Sent — awaiting answer' },
  acknowledged: { icon: '✓', word: 'Accepted by the machine' },
  failed: { icon: '✕', word: 'Failed' },
};

/** What became of a command: queued, sent, accepted, or failed with the machine's own answer — in words and icon. */
export function CommandOutcome({ command }: { command: CommandView | undefined }) {
  if (!command) return null;
  const tone = command.state === 'failed' ? 'bad' : command.state === 'acknowledged' ? 'ok' : 'info';
  const look = LOOK[command.state];
  return (
    <p className={`command-outcome tone-${tone}`} role="status" data-command-state={command.state}>
      <strong>
        <span aria-hidden="true">{look.icon}</span> {COMMAND_WORD[command.kind]}: {look.word}
      </strong>{' '}
      <span className="muted">
        at {formatTime(command.updatedAt)} by {command.actor}
      </span>
      {command.outcome && <span className="command-answer">Details: {command.outcome}</span>}
      {command.restoredAt && <RestoredMark restoredAt={command.restoredAt} what="command" />}
    </p>
  );
}
