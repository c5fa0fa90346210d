import { StartIssuance } from '../issuance/StartIssuanceForm';
import { JobList } from '../jobs/JobList';
import { TrainingControls } from '../training/TrainingControls';
import { useConsole } from '../../store/context';
import { selectMachines } from '../../store/selectors';
import { MachineStatus } from './MachineStatus';

/** The operator's home: every machine's state, the training machine's controls, and the live job queue. */
export function OperateView() {
  const machines = useConsole(selectMachines);
  return (
    <>
      <section className="panel machines" aria-label="Machines">
        {machines.length === 0 ? (
          <p className="muted">No machine configured.</p>
        ) : (
          machines.map((m) => <MachineStatus key={m.id} machine={m} />)
        )}
      </section>
      <TrainingControls />
      <StartIssuance />
      <JobList />
    </>
  );
}
