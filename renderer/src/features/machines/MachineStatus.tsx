import type { MachineView } from '../../../../shared/api/views';
import { age } from '../../ui/duration';
import { useNow } from '../../ui/use-now';
import { formatTime } from '../format';
import { metricLines } from './metrics';

const SCHEDULER: Record<MachineView['scheduler'], { icon: string; word: string; tone: string }> = {
  unknown: { icon: '?', word: 'No message yet', tone: 'muted' },
  running: { icon: '▶', word: 'Started', tone: 'ok' },
  stopping: { icon: '◼', word: 'Stopping', tone: 'info' },
  stopped: { icon: '■', word: 'Stopped', tone: 'muted' },
  suspended: { icon: '‖', word: 'Suspended', tone: 'warn' },
};

/** What the machine's scheduler does, in words: why it stopped, or what it waits for. */
function SchedulerDetail({ machine }: { machine: MachineView }) {
  if (machine.scheduler === 'suspended' && machine.suspension) {
    return <span className="machine-detail">{machine.suspension.text}</span>;
  }
  if (machine.scheduler === 'stopped') {
    return <span className="machine-detail">{machine.stopReasonText ?? 'The machine gave no reason.'}</span>;
  }
  return null;
}

/** When something was last heard, and how long ago, counting. */
function Heard({ label, at, never }: { label: string; at: string | undefined; never: string }) {
  const now = useNow();
  const ago = age(at, now);
  return <span className="machine-fact">{at && ago ? `${label} ${formatTime(at)} (${ago} ago)` : never}</span>;
}

function ApiState({ reachable }: { reachable: boolean | undefined }) {
  if (reachable === undefined) return <span className="machine-fact">API not checked yet</span>;
  return reachable ? (
    <span className="machine-fact">
      <span aria-hidden="true">✓</span> API answers
    </span>
  ) : (
    <span className="machine-fact machine-fact-bad">
      <span aria-hidden="true">✕</span> API not answering
    </span>
  );
}

/**
 * One machine: its scheduler state in icon and word (with the stop reason or suspension code), when it last sent a
 * message and a health-check ping, whether its REST API answers, and the metrics it reports about itself.
 */
export function MachineStatus({ machine }: { machine: MachineView }) {
  const look = SCHEDULER[machine.scheduler];
  const metrics = machine.metrics ? metricLines(machine.metrics) : [];
  return (
    <article className="machine-card" aria-label={machine.label} data-machine-id={machine.id} data-scheduler={machine.scheduler}>
      <div className="machine-line">
        <span className="machine-name">{machine.label}</span>
        <span className={`badge badge-${look.tone}`}>
          <span aria-hidden="true">{look.icon}</span> {look.word}
          {machine.suspension ? ` — ${machine.suspension.code}` : ''}
          {machine.scheduler === 'stopped' && machine.stopReason ? ` — ${machine.stopReason}` : ''}
        </span>
        <SchedulerDetail machine={machine} />
        {!machine.actionable && <span className="machine-detail">Not configured: the console cannot act on it.</span>}
      </div>
      <div className="machine-facts">
        <Heard label="Last message" at={machine.lastMessageAt} never="Nothing received yet" />
        <Heard label="Health check" at={machine.lastHealthCheckAt} never="No health check yet" />
        {machine.actionable && <ApiState reachable={machine.apiReachable} />}
        {metrics.length > 0 && (
          <dl className="machine-metrics" aria-label="Reported by the machine">
            {metrics.map((m) => (
              <div key={m.key}>
                <dt>{m.label}</dt>
                <dd>{m.value}</dd>
              </div>
            ))}
          </dl>
        )}
      </div>
    </article>
  );
}
