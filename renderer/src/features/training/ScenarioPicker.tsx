import type { TrainingMachine } from '../../../../shared/api/views';
import { useT } from '../../i18n/use-t';
import { scenarioText } from './scenario-text';
import { useConsole } from '../../store/context';
import { selectTrainingBusy } from '../../store/training-slice';

/**
 * The exercises, as big radio tiles (pressed with gloves, read from a step away). The chosen one says so in words.
 * Locked while the machine runs: a scenario is chosen between runs, as a trainer would set up the machine.
 */
export function ScenarioPicker({ machine }: { machine: TrainingMachine }) {
  const t = useT();
  const scenarios = useConsole((s) => s.training?.scenarios);
  const act = useConsole((s) => s.trainingAction);
  const busy = useConsole(selectTrainingBusy);
  const locked = machine.scheduler !== 'Stopped';
  if (!scenarios) return null;
  return (
    <fieldset className="scenario-picker" disabled={locked || busy}>
      <legend>{t('training:scenario.legend')}</legend>
      {locked && <p className="muted">{t('training:scenario.locked')}</p>}
      <div className="scenario-grid">
        {scenarios.map((sc) => {
          const chosen = sc.id === machine.scenarioId;
          return (
            <label key={sc.id} className={`scenario-tile${chosen ? ' is-chosen' : ''}`} data-scenario={sc.id}>
              <input
                type="radio"
                name={`scenario-${machine.machineId}`}
                value={sc.id}
                checked={chosen}
                onChange={() => void act({ machineId: machine.machineId, action: 'select-scenario', scenarioId: sc.id })}
              />
              <span className="scenario-title">{scenarioText(t, sc, 'title')}</span>
              {sc.kind === 'desktop' && <span className="scenario-kind">{t('training:desktop')}</span>}
              {chosen && (
                <span className="scenario-chosen">
                  <span aria-hidden="true">✓</span> {t('training:scenario.chosen')}
                </span>
              )}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
