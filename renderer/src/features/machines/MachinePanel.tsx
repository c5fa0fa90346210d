import { useT } from '../../i18n/use-t';
import { useConsole } from '../../store/context';
import { selectMachines } from '../../store/selectors';
import { StorageLine } from '../settings/StorageFigures';
import { MachineStatus } from './MachineStatus';

/** Every machine the console knows, with its scheduler, when it was last heard from, and what it reports. */
export function MachinePanel() {
  const t = useT();
  const machines = useConsole(selectMachines);
  return (
    <section className="panel machines" aria-label={t('machines:panel')}>
      {machines.length === 0 ? <p className="muted">{t('machines:none')}</p> : machines.map((m) => <MachineStatus key={m.id} machine={m} />)}
      <StorageLine />
    </section>
  );
}
