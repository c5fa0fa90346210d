import type { TrainingMachine } from '../../../../shared/api/views';
import { useT } from '../../i18n/use-t';
import { useConsole } from '../../store/context';
import { selectScenario } from '../../store/training-slice';
import { MachineWorld } from './MachineWorld';
import { ScenarioPicker } from './ScenarioPicker';
import { scenarioText } from './scenario-text';
import { TrainingStart } from './TrainingStart';

/** The simulated machine's own scheduler state as an icon; its word is `training:panel.<state>`. */
const PANEL_ICON: Record<string, string> = { Stopped: '■', Running: '▶', Suspended: '‖', Stopping: '◼' };

/**
 * One simulated machine: the exercise it plays, what stands at it, and the start of a run. The scenario's texts are
 * the catalog's (`scenarios:<id>`), in the viewer's language.
 */
export function TrainingMachineCard({ machine }: { machine: TrainingMachine }) {
  const t = useT();
  const scenario = useConsole(selectScenario(machine.scenarioId));
  // A state this console does not know is shown as the simulator sent it.
  const known = Object.hasOwn(PANEL_ICON, machine.scheduler);
  const panel = { icon: PANEL_ICON[machine.scheduler] ?? '?', word: known ? t(`training:panel.${machine.scheduler}`) : machine.scheduler };
  const titleId = `training-machine-${machine.machineId}`;
  return (
    <article className="training-machine" aria-labelledby={titleId} data-training-machine={machine.machineId}>
      <header className="training-machine-header">
        <h3 id={titleId}>{machine.label}</h3>
        <span className="badge badge-info">{machine.kind === 'desktop' ? t('training:desktop') : t('training:box')}</span>
        <span className="badge badge-muted" data-testid="simulated-scheduler">
          <span aria-hidden="true">{panel.icon}</span> {t('training:machine', { state: panel.word })}
        </span>
      </header>
      <ScenarioPicker machine={machine} />
      {scenario && (
        <div className="scenario-brief">
          <p>
            <strong>{t('training:whatHappens')}</strong> {scenarioText(t, scenario, 'summary')}
          </p>
          <p>
            <strong>{t('training:yourTask')}</strong> {scenarioText(t, scenario, 'trainee')}
          </p>
        </div>
      )}
      <MachineWorld machine={machine} />
      <TrainingStart machine={machine} />
    </article>
  );
}
