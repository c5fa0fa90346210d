import type { MachineView } from '../../../../shared/api/views';
import { formatTime } from '../format';

const SCHEDULER: Record<MachineView['scheduler'], { icon: string; word: string; tone: string }> = {
  unknown: { icon: '?', word: 'No message yet', tone: 'muted' },
  running: { icon: '▶', word: 'Running', tone: 'ok' },
  stopping: { icon: '◼', word: 'Stopping', tone: 'info' },
  stopped: { icon: '■', word: 'Stopped', tone: 'muted' },
  suspended: { icon: '‖', word: 'Suspended', tone: 'warn' },
};

/** One line per machine: scheduler state in words, why it stopped, and when it was last heard from. */
export function MachineStatus({ machine }: { machine: MachineView }) {
  const look = SCHEDULER[machine.scheduler];
  return (
    <div className="machine-line" data-machine-id={machine.id} data-scheduler={machine.scheduler}>
      <span className="machine-name">{machine.label}</span>
      <span className={`badge badge-${look.tone}`}>
        <span aria-hidden="true">{look.icon}</span> {look.word}
        {machine.suspension ? ` — ${machine.suspension.code}` : ''}
      </span>
      {machine.scheduler === 'stopped' && machine.stopReasonText && (
        <span className="machine-detail">{machine.stopReasonText}</span>
      )}
      <span className="muted">Last message {formatTime(machine.lastMessageAt)}</span>
    </div>
  );
}
