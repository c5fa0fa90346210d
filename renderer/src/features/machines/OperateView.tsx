import { StartIssuance } from '../issuance/StartIssuanceForm';
import { JobList } from '../jobs/JobList';
import { TrainingControls } from '../training/TrainingControls';
import { useConsole } from '../../store/context';
import { selectIsTraining } from '../../store/selectors';
import { MachinePanel } from './MachinePanel';

/**
 * The operator's home: every machine's state, the training machine's controls, the live job queue, and the start
 * form below it (folded, used at a batch's start): the queue's first rows stay on a 1366×768 panel's first screen.
 */
export function OperateView() {
  // The training panel starts its machines with a scenario; the plain start form is for real machines.
  const training = useConsole(selectIsTraining);
  return (
    <>
      <MachinePanel />
      <TrainingControls />
      <JobList />
      {!training && <StartIssuance />}
    </>
  );
}
