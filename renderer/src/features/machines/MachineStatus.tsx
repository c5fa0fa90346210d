import type { MachineView } from '../../../../shared/api/views';
import { age } from '../../ui/duration';
import { useNow } from '../../ui/use-now';
import { formatTime } from '../format';
import { MachineHealth } from './MachineHealth';
import { MachineSessions } from './MachineSessions';
import { metricLines } from './metrics';

const SCHEDULER: Record<MachineView['scheduler'], { icon: string; word: string; tone: string }> = {
  unknown: { icon: '?', word: 'No message yet', tone: 'muted' },
  running: { icon: '▶', word: 'Started', tone: 'ok' },
  stopping: { icon: '◼', word: 'Stopping', tone: 'info' },
  stopped: { icon: '■', word: 'Stopped', tone: 'muted' },
  suspended: { icon: '‖', word: 'Suspended', tone: 'warn' },
};

/**
 * What the machine's scheduler does, in words: why it stopped, or what it waits for, with what the machine's own
 * status says about it now (AIDA 1.6: "cover now closed: press Resume").
 */
function SchedulerDetail({ machine }: { machine: MachineView }) {
  if (machine.scheduler === 'suspended' && machine.suspension) {
    return (
      <>
        <span className="machine-detail">{machine.suspension.text}</span>
        {machine.suspension.machineNote && (
          <span className="machine-note">
            <span aria-hidden="true">→</span> {machine.suspension.machineNote}
          </span>
        )}
      </>
    );
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

/** Whether the API answers, cannot be reached, or refuses the console's credentials, and why, in words. */
function ApiState({ machine }: { machine: MachineView }) {
  const { api } = machine;
  if (api?.state === 'refused') {
    return (
      <span className="machine-fact machine-fact-bad">
        <span aria-hidden="true">⚿</span> API refuses the console{api.detail ? `: ${api.detail}` : ''}
      </span>
    );
  }
  if (api?.state === 'unreachable') {
    return (
      <span className="machine-fact machine-fact-bad">
        <span aria-hidden="true">✕</span> API not answering{api.detail ? `: ${api.detail}` : ''}
      </span>
    );
  }
  const reachable = api ? true : machine.apiReachable;
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
 * Which AIDA this is and what the console found out by calling it: the variant (from the machine's kind), version,
 * model and serial as `GET system/info` sent them, no token endpoint, AIDA 1.6 endpoints offered or not.
 */
function ApiFacts({ machine }: { machine: MachineView }) {
  const { api } = machine;
  const identity = [
    machine.kind === 'desktop' ? 'AIDA mini (desktop system)' : 'AIDA (box system)',
    ...(api?.version ? [`version ${api.version}`] : []),
    ...(api?.model ? [`model ${api.model}`] : []),
    ...(api?.serial ? [`serial ${api.serial}`] : []),
  ];
  const detected = [
    ...(api?.noTokenEndpoint ? ['no token endpoint: calls are sent without a token'] : []),
    ...(api?.offers16 === true ? ['AIDA 1.6 endpoints offered (machine status)'] : []),
    ...(api?.offers16 === false ? ['no AIDA 1.6 machine status'] : []),
  ];
  return (
    <div className="machine-facts machine-api-facts" aria-label="About its API">
      <span className="machine-fact">{identity.join(' · ')}</span>
      {detected.length > 0 && <span className="machine-fact">Detected: {detected.join('; ')}</span>}
    </div>
  );
}

/** `GET …/state` read `status: "Error"`: each error code in words, and the machine's own details as sent. */
function SchedulerErrorBox({ error }: { error: NonNullable<MachineView['schedulerError']> }) {
  const codes = error.errors.map((e) => e.code).join(', ');
  return (
    <div className="machine-error" role="status" aria-label="Issuance in error">
      <strong>
        <span aria-hidden="true">⚠</span> Issuance in error{codes ? ` — ${codes}` : ''}
      </strong>
      {error.errors.map((e) => (
        <span key={e.code}>
          {e.text}
          {e.action ? ` ${e.action}` : ''}
        </span>
      ))}
      {error.errors.length === 0 && <span>The machine gave no error code.</span>}
      {error.details !== undefined && <span>The machine says: “{error.details}”</span>}
    </div>
  );
}

/** AIDA 1.6 `GET machine/status`: interlocks and feeders, in words. */
function MachineReportLine({ report }: { report: NonNullable<MachineView['machineReport']> }) {
  const facts = [
    ...(report.hasOpenInterlocks === true ? ['a cover or door open'] : report.hasOpenInterlocks === false ? ['covers and doors closed'] : []),
    ...(report.allFeedersEmpty === true ? ['every feeder empty'] : report.allFeedersEmpty === false ? ['cards in the feeder'] : []),
  ];
  if (facts.length === 0) return null;
  return (
    <span className="machine-fact">
      Machine reports {facts.join(', ')} ({formatTime(report.at)})
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
      {machine.schedulerError && <SchedulerErrorBox error={machine.schedulerError} />}
      <div className="machine-facts">
        <Heard label="Last message" at={machine.lastMessageAt} never="Nothing received yet" />
        <Heard label="Health check" at={machine.lastHealthCheckAt} never="No health check yet" />
        {machine.actionable && <ApiState machine={machine} />}
        {machine.machineReport && <MachineReportLine report={machine.machineReport} />}
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
      {machine.health && <MachineHealth health={machine.health} />}
      {machine.actionable && machine.kind === 'box' && <MachineSessions machineId={machine.id} />}
      {machine.actionable && <ApiFacts machine={machine} />}
    </article>
  );
}
