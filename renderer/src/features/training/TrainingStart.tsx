import { useState } from 'react';
import type { TrainingMachine } from '../../../../shared/api/views';
import { actionKey, selectBusy } from '../../store/actions';
import { useT } from '../../i18n/use-t';
import { useConsole } from '../../store/context';
import { selectLatestCommand } from '../../store/selectors';
import { CommandOutcome } from '../commands/CommandOutcome';

const MAX_CARDS = 1000;

/** Starts a run of the chosen scenario through the console, as an operator starts a real machine. */
export function TrainingStart({ machine }: { machine: TrainingMachine }) {
  const t = useT();
  const id = machine.machineId;
  const defaultCards = useConsole((s) => s.training?.cardsPerBatch ?? 10);
  const startIssuance = useConsole((s) => s.startIssuance);
  const busy = useConsole(selectBusy(actionKey.machine(id, 'start')));
  const lastStart = useConsole(selectLatestCommand(id, ['start']));
  const [cards, setCards] = useState(defaultCards);
  const stopped = machine.scheduler === 'Stopped';
  const inputId = `training-cards-${id}`;
  return (
    <div className="training-start">
      <div className="training-row">
        <label htmlFor={inputId}>{t('training:start.cards')}</label>
        <input
          id={inputId}
          type="number"
          min={1}
          max={MAX_CARDS}
          value={cards}
          onChange={(e) => setCards(Math.max(1, Math.min(MAX_CARDS, Math.trunc(Number(e.target.value)) || 1)))}
        />
        <button type="button" className="btn btn-go" disabled={busy || !stopped} onClick={() => void startIssuance(id, cards)}>
          <span aria-hidden="true">▶</span> {t('ui:command.start')}
        </button>
        {!stopped && <span className="muted">{t('training:start.busy')}</span>}
      </div>
      <CommandOutcome command={lastStart} />
    </div>
  );
}
