import { useState } from 'react';
import type { AlertView } from '../../../../shared/api/alerts';
import { say, sayOr } from '../../../../shared/i18n/say';
import { useT } from '../../i18n/use-t';
import { selectAlertCommand } from '../../store/alerts-slice';
import { actionKey, selectBusy } from '../../store/actions';
import { useConsole } from '../../store/context';
import { selectOffer, selectReadOnly } from '../../store/people-slice';
import { selectMachine } from '../../store/selectors';
import { CommandOutcome } from '../commands/CommandOutcome';
import { HOLD_MS } from '../keyboard/use-floor-keys';
import { AbortDialog } from './AbortDialog';
import { AlarmRow } from './AlarmRow';
import { SHORTCUTS, canAct, offersResume, useShortcutTarget, type ShortcutAction } from './shortcuts';

/**
 * The key of a button that drives the machine, and while it is held, the button filling up until it acts: a hold
 * is what the key asks for, and the operator sees it coming.
 */
function HoldKey({ letter, holding }: { letter: string; holding: boolean }) {
  const t = useT();
  return (
    <>
      {holding && <span className="hold-progress" aria-hidden="true" style={{ animationDuration: `${HOLD_MS}ms` }} />}
      <kbd aria-hidden="true">{holding ? t('band:suspension.keepHolding', { letter }) : t('band:suspension.hold', { letter })}</kbd>
    </>
  );
}

/**
 * Issuance is suspended and waits for a person: Resume, Stop and Abort stay on its row, in reach whatever else is
 * open. The alert closes only when the machine reports it runs again or stopped (the core pushes a new list), never
 * merely because a button was pressed; each command's fate shows under it.
 */
export function SuspensionAlert({
  alert,
  followOn,
  expanded,
  onToggle,
  holding,
  onSilence,
}: {
  alert: AlertView;
  followOn: readonly AlertView[];
  expanded: boolean;
  onToggle: () => void;
  holding?: ShortcutAction['kind'] | undefined;
  /** While its alarm repeats every minute: silence the reminder (the row and its buttons stay). */
  onSilence?: (() => void) | undefined;
}) {
  const t = useT();
  const machine = useConsole(selectMachine(alert.machineId));
  const resumeBusy = useConsole(selectBusy(actionKey.machine(alert.machineId, 'resume')));
  const stopBusy = useConsole(selectBusy(actionKey.machine(alert.machineId, 'stop')));
  const last = useConsole(selectAlertCommand(alert));
  const resume = useConsole((s) => s.resume);
  const stop = useConsole((s) => s.stop);
  const shortcutTarget = useShortcutTarget()?.id === alert.id;
  const [aborting, setAborting] = useState(false);
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

  const buttons = (
    <>
      {resumable && mayResume && (
        <button
          type="button"
          className="btn btn-go btn-hold btn-row"
          disabled={!actionable || resumeBusy}
          aria-keyshortcuts={shortcuts ? SHORTCUTS.resume : undefined}
          data-holding={holding === 'resume' || undefined}
          onClick={() => void resume(alert.machineId)}
        >
          <span aria-hidden="true">▶</span> {t('band:suspension.resume')}
          {shortcuts && <HoldKey letter={SHORTCUTS.resume} holding={holding === 'resume'} />}
        </button>
      )}
      {mayStop && (
        <button
          type="button"
          className="btn btn-stop btn-hold btn-row"
          disabled={!actionable || stopBusy}
          aria-keyshortcuts={shortcuts ? SHORTCUTS.stop : undefined}
          data-holding={holding === 'stop' || undefined}
          onClick={() => void stop(alert.machineId)}
        >
          <span aria-hidden="true">■</span> {t('band:suspension.stop')}
          {shortcuts && <HoldKey letter={SHORTCUTS.stop} holding={holding === 'stop'} />}
        </button>
      )}
      {mayAbort && (
        <button type="button" className="btn btn-danger-outline btn-row" disabled={!actionable} onClick={() => setAborting(true)}>
          <span aria-hidden="true">⊘</span> {t('band:suspension.abort')}
        </button>
      )}
      {onSilence && (
        <button type="button" className="btn btn-row btn-quiet" aria-label={t('band:signals.silence')} title={t('band:signals.silenceNote')} onClick={onSilence}>
          <s aria-hidden="true">♪</s> {t('band:signals.silenceShort')}
        </button>
      )}
    </>
  );

  return (
    <>
      <AlarmRow
        alert={alert}
        followOn={followOn}
        expanded={expanded}
        onToggle={onToggle}
        buttons={buttons}
        actionSuffix={resumable ? t('band:suspension.thenResume') : undefined}
        state={t('band:suspension.state')}
        outcome={<CommandOutcome command={last} />}
        details={
          <>
            {machine?.suspension?.machineNote && (
              <p className="alert-action alert-machine-note">
                <span aria-hidden="true">→</span> {say(t, machine.suspension.machineNote)}
              </p>
            )}
            {!resumable && (
              <p className="alert-action alert-no-resume">
                <span aria-hidden="true">✕</span>{' '}
                {t('band:suspension.noResume', { reason: sayOr(t, machine?.suspension?.resumeRefusal, t('band:suspension.noResumeDefault')) })}
              </p>
            )}
            {!canAct(machine) && <p className="muted">{t('band:suspension.notConfigured')}</p>}
          </>
        }
      />
      {aborting && <AbortDialog machineId={alert.machineId} machineLabel={alert.machineLabel} onClose={() => setAborting(false)} />}
    </>
  );
}
