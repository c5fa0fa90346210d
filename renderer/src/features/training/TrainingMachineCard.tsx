import type { TrainingMachine } from '../../../../shared/api/views';
import { useConsole } from '../../store/context';
import { selectScenario } from '../../store/training-slice';
import { MachineWorld } from './MachineWorld';
import { ScenarioPicker } from './ScenarioPicker';
import { TrainingStart } from './TrainingStart';

/** The simulated machine's own scheduler state, in words (the trainee's view of the machine's panel). */
const PANEL: Record<string, { icon: string; word: string }> = {
  Stopped: { icon: '■', word: 'Stopped' },
  Running: { icon: '▶', word: 'Running' },
  Suspended: { icon: '‖', word: 'Suspended' },
  Stopping: { icon: '◼', word: 'Stopping' },
};

/** One simulated machine: the exercise it plays, what stands at it, and the start of a run. */
export function TrainingMachineCard({ machine }: { machine: TrainingMachine }) {
  const scenario = useConsole(selectScenario(machine.scenarioId));
  const panel = PANEL[machine.scheduler] ?? { icon: '?', word: machine.scheduler };
  const titleId = `training-machine-${machine.machineId}`;
  return (
    <article className="training-machine" aria-labelledby={titleId} data-training-machine={machine.machineId}>
      <header className="training-machine-header">
        <h3 id={titleId}>{machine.label}</h3>
        <span className="badge badge-info">{machine.kind === 'desktop' ? 'Desktop system' : 'Box system'}</span>
        <span className="badge badge-muted" data-testid="simulated-scheduler">
          <span aria-hidden="true">{panel.icon}</span> Machine: {panel.word}
        </span>
      </header>
      <ScenarioPicker machine={machine} />
      {scenario && (
        <div className="scenario-brief">
          <p>
            <strong>What happens:</strong> {scenario.summary}
          </p>
          <p>
            <strong>Your task:</strong> {scenario.trainee}
          </p>
        </div>
      )}
      <MachineWorld machine={machine} />
      <TrainingStart machine={machine} />
    </article>
  );
}
