import type { MachineView } from '../../../../shared/api/views';
import { useConsole } from '../../store/context';
import { selectBusy, selectLatestCommand } from '../../store/selectors';
import { CommandOutcome } from '../commands/CommandOutcome';
import { formatTime } from '../format';

const HEADLINE: Record<string, string> = {
  FeederEmpty: 'Feeder empty',
  OpenInterlock: 'Interlock open',
  CardJam: 'Card jam',
};

/**
 * Issuance is suspended and waits for a person. Closes only when the machine reports it runs again or stopped,
 * never merely because a button was pressed.
 */
export function SuspensionAlert({ machine }: { machine: MachineView }) {
  const suspension = machine.suspension;
  const resumeBusy = useConsole(selectBusy(machine.id, 'resume'));
  const stopBusy = useConsole(selectBusy(machine.id, 'stop'));
  const last = useConsole(selectLatestCommand(machine.id, ['resume', 'stop']));
  const resume = useConsole((s) => s.resume);
  const stop = useConsole((s) => s.stop);
  if (!suspension) return null;
  const headline = HEADLINE[suspension.code] ?? `Suspended: ${suspension.code}`;

  return (
    <section className="alert" role="alert" aria-labelledby={`alert-${machine.id}`} data-alert-code={suspension.code}>
      <div className="alert-icon" aria-hidden="true">
        ⚠
      </div>
      <div className="alert-body">
        <h2 id={`alert-${machine.id}`}>
          {headline} — {machine.label}
        </h2>
        <p className="alert-text">{suspension.text}</p>
        {suspension.action && (
          <p className="alert-action">
            <strong>What to do:</strong> {suspension.action}
            {suspension.resumable ? ' Then press Resume.' : ''}
          </p>
        )}
        {!suspension.resumable && (
          <p className="alert-action">This machine cannot resume after this error: stop issuance and clear it.</p>
        )}
        <p className="muted">Waiting since {formatTime(suspension.since)}</p>
        <div className="alert-buttons">
          {suspension.resumable && (
            <button
              type="button"
              className="btn btn-go"
              disabled={!machine.actionable || resumeBusy}
              onClick={() => void resume(machine.id)}
            >
              <span aria-hidden="true">▶</span> Resume
            </button>
          )}
          <button
            type="button"
            className="btn btn-stop"
            disabled={!machine.actionable || stopBusy}
            onClick={() => void stop(machine.id)}
          >
            <span aria-hidden="true">■</span> Stop
          </button>
        </div>
        {!machine.actionable && <p className="muted">This machine is not configured: the console cannot act on it.</p>}
        <CommandOutcome command={last} />
      </div>
    </section>
  );
}
