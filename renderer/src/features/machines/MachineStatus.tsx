import type { MachineView } from '../../../../shared/api/views';
import { age } from '../../ui/duration';
import { useNow } from '../../ui/use-now';
import { describe, describeSuspension } from '../../../../shared/aida/vocabulary-texts';
import { say } from '../../../../shared/i18n/say';
import { useT } from '../../i18n/use-t';
import { useFormat } from '../format';
import { MachineHealth } from './MachineHealth';
import { MachineSessions } from './MachineSessions';
import { metricLines } from './metrics';

/** Each state's icon and tone; its word is `machines:scheduler.<state>`. */
const SCHEDULER: Record<MachineView['scheduler'], { icon: string; tone: string }> = {
  unknown: { icon: '?', tone: 'muted' },
  running: { icon: '▶', tone: 'ok' },
  stopping: { icon: '◼', tone: 'info' },
  stopped: { icon: '■', tone: 'muted' },
  suspended: { icon: '‖', tone: 'warn' },
};

/**
 * What the machine's scheduler does, in words: why it stopped, or what it waits for, with what the machine's own
 * status says about it now (AIDA 1.6: "cover now closed: press Resume").
 */
function SchedulerDetail({ machine }: { machine: MachineView }) {
  const t = useT();
  if (machine.scheduler === 'suspended' && machine.suspension) {
    return (
      <>
        <span className="machine-detail">{describeSuspension(t, machine.suspension.code).text}</span>
        {machine.suspension.machineNote && (
          <span className="machine-note">
            <span aria-hidden="true">→</span> {say(t, machine.suspension.machineNote)}
          </span>
        )}
      </>
    );
  }
  if (machine.scheduler === 'stopped') {
    return <span className="machine-detail">{machine.stopReason ? describe(t, 'stopReasons', machine.stopReason).text : t('machines:noReason')}</span>;
  }
  return null;
}

/** When something was last heard, and how long ago, counting. */
function Heard({ label, at, never }: { label: string; at: string | undefined; never: string }) {
  const t = useT();
  const format = useFormat();
  const now = useNow();
  const ago = age(at, now);
  return <span className="machine-fact">{at && ago ? t('machines:heard', { label, time: format.time(at), ago }) : never}</span>;
}

/** Whether the API answers, cannot be reached, or refuses the console's credentials, and why, in words. */
function ApiState({ machine }: { machine: MachineView }) {
  const t = useT();
  const { api } = machine;
  if (api?.state === 'refused') {
    return (
      <span className="machine-fact machine-fact-bad">
        <span aria-hidden="true">⚿</span> {t('machines:api.refuses')}{api.detail ? `: ${api.detail}` : ''}
      </span>
    );
  }
  if (api?.state === 'unreachable') {
    return (
      <span className="machine-fact machine-fact-bad">
        <span aria-hidden="true">✕</span> {t('machines:api.notAnswering')}{api.detail ? `: ${api.detail}` : ''}
      </span>
    );
  }
  const reachable = api ? true : machine.apiReachable;
  if (reachable === undefined) return <span className="machine-fact">{t('machines:api.notChecked')}</span>;
  return reachable ? (
    <span className="machine-fact">
      <span aria-hidden="true">✓</span> {t('machines:api.answers')}
    </span>
  ) : (
    <span className="machine-fact machine-fact-bad">
      <span aria-hidden="true">✕</span> {t('machines:api.notAnswering')}
    </span>
  );
}

/**
 * Which AIDA this is and what the console found out by calling it: the variant (from the machine's kind), version,
 * model and serial as `GET system/info` sent them, no token endpoint, AIDA 1.6 endpoints offered or not.
 */
function ApiFacts({ machine }: { machine: MachineView }) {
  const t = useT();
  const { api } = machine;
  const identity = [
    t(machine.kind === 'desktop' ? 'machines:api.desktop' : 'machines:api.box'),
    ...(api?.version ? [t('machines:api.version', { value: api.version })] : []),
    ...(api?.model ? [t('machines:api.model', { value: api.model })] : []),
    ...(api?.serial ? [t('machines:api.serial', { value: api.serial })] : []),
  ];
  const detected = [
    ...(api?.noTokenEndpoint ? [t('machines:api.noToken')] : []),
    ...(api?.offers16 === true ? [t('machines:api.offers16')] : []),
    ...(api?.offers16 === false ? [t('machines:api.no16')] : []),
  ];
  return (
    <div className="machine-facts machine-api-facts" aria-label={t('machines:api.about')}>
      <span className="machine-fact">{identity.join(' · ')}</span>
      {detected.length > 0 && <span className="machine-fact">{t('machines:api.detected', { facts: detected.join('; ') })}</span>}
    </div>
  );
}

/** `GET …/state` read `status: "Error"`: each error code in words, and the machine's own details as sent. */
function SchedulerErrorBox({ error }: { error: NonNullable<MachineView['schedulerError']> }) {
  const t = useT();
  const codes = error.errors.map((e) => e.code).join(', ');
  return (
    <div className="machine-error" role="status" aria-label={t('machines:error.title')}>
      <strong>
        <span aria-hidden="true">⚠</span> {t('machines:error.title')}{codes ? ` — ${codes}` : ''}
      </strong>
      {error.errors.map(({ code }) => {
        const said = describe(t, 'schedulerErrors', code);
        return <span key={code}>{said.action ? `${said.text} ${said.action}` : said.text}</span>;
      })}
      {error.errors.length === 0 && <span>{t('machines:error.noCode')}</span>}
      {error.details !== undefined && <span>{t('machines:error.says', { details: error.details })}</span>}
    </div>
  );
}

/** AIDA 1.6 `GET machine/status`: interlocks and feeders, in words. */
function MachineReportLine({ report }: { report: NonNullable<MachineView['machineReport']> }) {
  const t = useT();
  const format = useFormat();
  const facts = [
    ...(report.hasOpenInterlocks === true ? ['open'] : report.hasOpenInterlocks === false ? ['closed'] : []),
    ...(report.allFeedersEmpty === true ? ['empty'] : report.allFeedersEmpty === false ? ['cards'] : []),
  ].map((fact) => t(`machines:report.${fact}`));
  if (facts.length === 0) return null;
  return <span className="machine-fact">{t('machines:report.line', { facts: facts.join(', '), time: format.time(report.at) })}</span>;
}

/**
 * One machine: its scheduler state in icon and word (with the stop reason or suspension code), when it last sent a
 * message and a health-check ping, whether its REST API answers, and the metrics it reports about itself.
 */
export function MachineStatus({ machine }: { machine: MachineView }) {
  const t = useT();
  const format = useFormat();
  const look = SCHEDULER[machine.scheduler];
  const metrics = machine.metrics ? metricLines(machine.metrics, t, format.number) : [];
  // What the machine says of itself (identity, its own totals) is under the health line, on request: the floor sees the queue first.
  const more = machine.actionable ? (
    <>
      <ApiFacts machine={machine} />
      {machine.kind === 'box' && <MachineSessions machineId={machine.id} />}
    </>
  ) : undefined;
  return (
    <article className="machine-card" aria-label={machine.label} data-machine-id={machine.id} data-scheduler={machine.scheduler}>
      <div className="machine-line">
        <span className="machine-name">{machine.label}</span>
        <span className={`badge badge-${look.tone}`}>
          <span aria-hidden="true">{look.icon}</span> {t(`machines:scheduler.${machine.scheduler}`)}
          {machine.suspension ? ` — ${machine.suspension.code}` : ''}
          {machine.scheduler === 'stopped' && machine.stopReason ? ` — ${machine.stopReason}` : ''}
        </span>
        <SchedulerDetail machine={machine} />
        {!machine.actionable && <span className="machine-detail">{t('machines:notConfigured')}</span>}
      </div>
      {machine.schedulerError && <SchedulerErrorBox error={machine.schedulerError} />}
      <div className="machine-facts">
        <Heard label={t('machines:lastMessage')} at={machine.lastMessageAt} never={t('machines:nothingYet')} />
        <Heard label={t('machines:healthCheck')} at={machine.lastHealthCheckAt} never={t('machines:noHealthCheck')} />
        {machine.actionable && <ApiState machine={machine} />}
        {machine.machineReport && <MachineReportLine report={machine.machineReport} />}
        {metrics.length > 0 && (
          <dl className="machine-metrics" aria-label={t('machines:metrics.reported')}>
            {metrics.map((m) => (
              <div key={m.key}>
                <dt>{m.label}</dt>
                <dd>{m.value}</dd>
              </div>
            ))}
          </dl>
        )}
      </div>
      {(machine.health || machine.actionable) && (
        <div className="machine-extras">
          {machine.health ? <MachineHealth health={machine.health} more={more} /> : more}
        </div>
      )}
    </article>
  );
}
