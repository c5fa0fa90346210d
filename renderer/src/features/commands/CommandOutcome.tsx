import type { CommandView } from '../../../../shared/api/views';
import { formatTime } from '../format';

const WORDS: Record<CommandView['state'], string> = {
  queued: 'Queued',
  sent: 'Sending…',
  acknowledged: 'Accepted by the machine',
  failed: 'Failed',
};

const KIND: Record<CommandView['kind'], string> = {
  resume: 'Resume',
  stop: 'Stop',
  abort: 'Abort',
  start: 'Start issuance',
  signal: 'Decision',
};

/** What became of the last command: sent, accepted, or failed with the machine's own answer. */
export function CommandOutcome({ command }: { command: CommandView | undefined }) {
  if (!command) return null;
  const tone = command.state === 'failed' ? 'bad' : command.state === 'acknowledged' ? 'ok' : 'info';
  return (
    <p className={`command-outcome tone-${tone}`} role="status" data-command-state={command.state}>
      <strong>
        {KIND[command.kind]}: {WORDS[command.state]}
      </strong>{' '}
      <span className="muted">
        at {formatTime(command.updatedAt)} by {command.actor}
      </span>
      {command.outcome && <span className="command-answer">Machine answered: {command.outcome}</span>}
    </p>
  );
}
