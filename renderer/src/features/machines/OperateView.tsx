import { StartIssuance } from '../issuance/StartIssuanceForm';
import { JobList } from '../jobs/JobList';
import { TrainingControls } from '../training/TrainingControls';
import { MachinePanel } from './MachinePanel';

/** The operator's home: every machine's state, the training machine's controls, and the live job queue. */
export function OperateView() {
  return (
    <>
      <MachinePanel />
      <TrainingControls />
      <StartIssuance />
      <JobList />
    </>
  );
}
