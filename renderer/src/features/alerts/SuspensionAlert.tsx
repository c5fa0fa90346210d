import { useState } from 'react';
import type { AlertView } from '../../../../shared/api/alerts';
import { selectAlertCommand } from '../../store/alerts-slice';
import { actionKey, selectBusy } from '../../store/actions';
import { useConsole } from '../../store/context';
import { selectOffer, selectReadOnly } from '../../store/people-slice';
import { selectMachine } from '../../store/selectors';
import { formatWaiting } from '../../ui/duration';
import { useNow } from '../../ui/use-now';
import { CommandOutcome } from '../commands/CommandOutcome';
import { formatTime } from '../format';
import { HOLD_MS } from '../keyboard/use-floor-keys';
import { SignInToAct } from '../people/SignInToAct';
import { AbortDialog } from './AbortDialog';
import { SHORTCUTS, canAct, offersResume, useShortcutTarget, type ShortcutAction } from './shortcuts';

/**
 * The key of a button that drives the machine, and while it is held, the button filling up until it acts: a hold
 * is what the key asks for, and the operator sees it coming.
 */
function HoldKey({ letter, holding }: { letter: string; holding: boolean }) {
  return (
    <>
      {holding && <span className="hold-progress" aria-hidden="true" style={{ animationDuration: `${HOLD_MS}ms` }} />}
      <kbd aria-hidden="true">{holding ? `keep holding ${letter}…` : `hold ${letter}`}</kbd>
    </>
  );
}

/**
 * Issuance is suspended and waits for a person. The alert closes only when the machine reports it runs again or
 * stopped (the core pushes a new list), never merely because a button was pressed; each command's fate shows below.
 */
export function SuspensionAlert({ alert, holding }: { alert: AlertView; holding?: ShortcutAction['kind'] | undefined }) {
  const machine = useConsole(selectMachine(alert.machineId));
  const resumeBusy = useConsole(selectBusy(actionKey.machine(alert.machineId, 'resume')));
  const stopBusy = useConsole(selectBusy(actionKey.machine(alert.machineId, 'stop')));
  const last = useConsole(selectAlertCommand(alert));
  const resume = useConsole((s) => s.resume);
  const stop = useConsole((s) => s.stop);
  const shortcutTarget = useShortcutTarget()?.id === alert.id;
  const [aborting, setAborting] = useState(false);
  const now = useNow();
  const target = { machineId: alert.machineId };
  // What the signed-in role may not do is not offered; with nobody signed in, it is shown and cannot be pressed.
  const mayResume = useConsole(selectOffer('resume', target)) !== 'refused';
  const mayStop = useConsole(selectOffer('stop', target)) !== 'refused';
  const mayAbort = useConsole(selectOffer('abort', target)) !== 'refused';
  const readOnly = useConsole(selectReadOnly);
  // No key acts while nobody is signed in (shortcuts.ts): no key is offered either.
  const shortcuts = shortcutTarget && !readOnly;
  const resumable = offersResume(machine);
  const actionable = canAct(machine) && !readOnly;
  const titleId = `alert-${alert.id}`;

  return (
    <section className="alert alert-suspension" role="alert" aria-labelledby={titleId} data-alert-code={alert.code} data-alert-kind={alert.kind}>
      <div className="alert-icon" aria-hidden="true">
        ⚠
      </div>
      <div className="alert-body">
        <p className="alert-state">Issuance suspended — waiting for you</p>
        <h2 id={titleId}>
          {alert.title} — {alert.machineLabel}
        </h2>
        <p className="alert-text">{alert.text}</p>
        {alert.action && (
          <p className="alert-action">
            <strong>What to do:</strong> {alert.action}
            {resumable ? ' Then press Resume.' : ''}
          </p>
        )}
        {machine?.suspension?.machineNote && (
          <p className="alert-action alert-machine-note">
            <span aria-hidden="true">→</span> {machine.suspension.machineNote}
          </p>
        )}
        {!resumable && (
          <p className="alert-action alert-no-resume">
            <span aria-hidden="true">✕</span> No Resume: {machine?.suspension?.resumeRefusal ?? 'this machine cannot resume after this error'}.
          </p>
        )}
        <p className="muted">
          {/* The alert is a live region: a screen reader hears it once, not the wait ticking every second. */}
          Waiting since {formatTime(alert.openedAt)} <span aria-hidden="true">({formatWaiting(alert.openedAt, now)})</span>
        </p>
        <div className="alert-buttons">
          {resumable && mayResume && (
            <button
              type="button"
              className="btn btn-go btn-hold"
              disabled={!actionable || resumeBusy}
              aria-keyshortcuts={shortcuts ? SHORTCUTS.resume : undefined}
              data-holding={holding === 'resume' || undefined}
              onClick={() => void resume(alert.machineId)}
            >
              <span aria-hidden="true">▶</span> Resume
              {shortcuts && <HoldKey letter={SHORTCUTS.resume} holding={holding === 'resume'} />}
            </button>
          )}
          {mayStop && (
            <button
              type="button"
              className="btn btn-stop btn-hold"
              disabled={!actionable || stopBusy}
              aria-keyshortcuts={shortcuts ? SHORTCUTS.stop : undefined}
              data-holding={holding === 'stop' || undefined}
              onClick={() => void stop(alert.machineId)}
            >
              <span aria-hidden="true">■</span> Stop
              {shortcuts && <HoldKey letter={SHORTCUTS.stop} holding={holding === 'stop'} />}
            </button>
          )}
          {mayAbort && (
            <button type="button" className="btn btn-danger-outline" disabled={!actionable} onClick={() => setAborting(true)}>
              <span aria-hidden="true">⊘</span> Abort…
            </button>
          )}
        </div>
        <SignInToAct />
        {!canAct(machine) && <p className="muted">This machine is not configured: the console cannot act on it.</p>}
        <CommandOutcome command={last} />
      </div>
      {aborting && <AbortDialog machineId={alert.machineId} machineLabel={alert.machineLabel} onClose={() => setAborting(false)} />}
    </section>
  );
}
