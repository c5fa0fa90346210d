import { useConsole } from '../../store/context';
import { selectIsTraining } from '../../store/selectors';

/** Always on screen in training mode: nothing here touches a real machine or a real card. */
export function TrainingBanner() {
  const training = useConsole(selectIsTraining);
  if (!training) return null;
  return (
    <div className="training-banner" role="note">
      <strong>TRAINING MODE</strong> — the machines here are simulated; no real cards are produced.
    </div>
  );
}
