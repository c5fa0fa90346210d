import { age } from '../../ui/duration';
import { useNow } from '../../ui/use-now';

/** How long a job has been in its state, counting while it is on screen. */
export function TimeInState({ since }: { since: string }) {
  const now = useNow();
  return <span title={since}>{age(since, now) ?? since}</span>;
}
