import { useConsole } from '../../store/context';
import { selectMachines } from '../../store/selectors';
import { StorageLine } from '../settings/StorageFigures';
import { MachineStatus } from './MachineStatus';

/** Every machine the console knows, with its scheduler, when it was last heard from, and what it reports. */
export function MachinePanel() {
  const machines = useConsole(selectMachines);
  return (
    <section className="panel machines" aria-label="Machines">
      {machines.length === 0 ? <p className="muted">No machine configured.</p> : machines.map((m) => <MachineStatus key={m.id} machine={m} />)}
      <StorageLine />
    </section>
  );
}
