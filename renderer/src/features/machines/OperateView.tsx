import { StartIssuance } from '../issuance/StartIssuanceForm';
import { JobList } from '../jobs/JobList';
import { TrainingControls } from '../training/TrainingControls';
import { useConsole } from '../../store/context';
import { selectIsTraining } from '../../store/selectors';
import { MachinePanel } from './MachinePanel';

/** The operator's home: every machine's state, the training machine's controls, and the live job queue. */
export function OperateView() {
  // The training panel starts its machines with a scenario; the plain start form is for real machines.
  const training = useConsole(selectIsTraining);
  return (
    <>
      <MachinePanel />
      <TrainingControls />
      {!training && <StartIssuance />}
      <JobList />
    </>
  );
}
