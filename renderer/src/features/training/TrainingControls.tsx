import { useT } from '../../i18n/use-t';
import { useConsole } from '../../store/context';
import { selectTrainingMachines } from '../../store/training-slice';
import { TrainingMachineCard } from './TrainingMachineCard';

/** Training mode's machines, each with what the trainee sees and does at it. Nothing outside training mode. */
export function TrainingControls() {
  const t = useT();
  const machines = useConsole(selectTrainingMachines);
  const speed = useConsole((s) => s.training?.speed);
  if (machines.length === 0) return null;
  return (
    <section className="panel training" aria-labelledby="training-title">
      <div className="panel-header">
        <h2 id="training-title">{t('training:title', { count: machines.length })}</h2>
        <span className="muted">
          {t('training:simulated')}
          {speed !== 1 ? ` · ${t('training:speed', { speed })}` : ''}
        </span>
      </div>
      <div className="training-machines">
        {machines.map((m) => (
          <TrainingMachineCard key={m.machineId} machine={m} />
        ))}
      </div>
    </section>
  );
}
