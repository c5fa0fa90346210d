import { sayOr } from '../../../../shared/i18n/say';
import type { CommandView } from '../../../../shared/api/views';
import { useT } from '../../i18n/use-t';
import { translateCommand } from '../../ui/command-words';
import { useFormat } from '../format';
import { RestoredMark } from './RestoredMark';

const ICON: Record<CommandView['state'], string> = { queued: '…', sent: '↗', acknowledged: '✓', failed: '✕' };

/** What became of a command: queued, sent, accepted, or failed with the machine's own answer — in words and icon. */
export function CommandOutcome({ command }: { command: CommandView | undefined }) {
  const t = useT();
  const format = useFormat();
  if (!command) return null;
  const tone = command.state === 'failed' ? 'bad' : command.state === 'acknowledged' ? 'ok' : 'info';
  // Stored with a code since migration 16: in the viewer's language; older rows and the machine's own answers as written.
  const outcome = command.outcome === undefined ? undefined : sayOr(t, command.outcomeText, command.outcome);
  return (
    <p className={`command-outcome tone-${tone}`} role="status" data-command-state={command.state}>
      <strong>
        <span aria-hidden="true">{ICON[command.state]}</span> {translateCommand(t, command.kind)}: {t(`commands:state.${command.state}`)}
      </strong>{' '}
      <span className="muted">{t('commands:when', { time: format.time(command.updatedAt), actor: command.actor })}</span>
      {outcome && <span className="command-answer">{t('commands:details', { outcome })}</span>}
      {command.restoredAt && <RestoredMark restoredAt={command.restoredAt} what="command" />}
    </p>
  );
}
