import { useState } from 'react';
import { useConsole } from '../../store/context';
import { selectBusy, selectLatestCommand } from '../../store/selectors';
import { CommandOutcome } from '../commands/CommandOutcome';

/** The trainee's side of the machine: start a batch, and put cards in the feeder when it runs empty. */
export function TrainingControls() {
  const training = useConsole((s) => s.training);
  const startIssuance = useConsole((s) => s.startIssuance);
  const loadCards = useConsole((s) => s.loadTrainingCards);
  const startBusy = useConsole(selectBusy(training?.machineId ?? '', 'start'));
  const lastStart = useConsole(selectLatestCommand(training?.machineId ?? '', ['start']));
  const [cards, setCards] = useState(10);
  if (!training) return null;
  return (
    <section className="panel training" aria-labelledby="training-title">
      <h2 id="training-title">Training machine</h2>
      <div className="training-row">
        <label>
          Cards in batch
          <input
            type="number"
            min={1}
            max={1000}
            value={cards}
            onChange={(e) => setCards(Math.max(1, Math.min(1000, Number(e.target.value) || 1)))}
          />
        </label>
        <button
          type="button"
          className="btn btn-go"
          disabled={startBusy}
          onClick={() => void startIssuance(training.machineId, cards)}
        >
          <span aria-hidden="true">▶</span> Start issuance
        </button>
        <span className="feeder" aria-live="polite">
          Cards in feeder: <strong data-testid="cards-in-feeder">{training.cardsInFeeder}</strong>
        </span>
        <button type="button" className="btn" onClick={() => void loadCards(10)}>
          <span aria-hidden="true">+</span> Load 10 cards
        </button>
      </div>
      <CommandOutcome command={lastStart} />
    </section>
  );
}
