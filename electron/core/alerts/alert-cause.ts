import type { AlertCause, AlertKind } from '../../../shared/api/alerts';

/** Machine codes that name a cause of their own, whichever kind of alert carries them. */
const CODE_CAUSES: Readonly<Record<string, AlertCause>> = {
  FeederEmpty: 'feeder',
  OpenInterlock: 'interlock',
  CardJam: 'jam',
};

const KIND_CAUSES: Readonly<Record<AlertKind, AlertCause>> = {
  suspension: 'machine-fault',
  stopped: 'machine-fault',
  'scheduler-error': 'scheduler',
  silence: 'machine-silent',
  unreachable: 'machine-unreachable',
  'api-refused': 'credentials',
  'encoder-wait': 'encoder',
  'message-conflict': 'message-conflict',
  'disk-low': 'disk',
  'backup-failed': 'backup',
  'backup-stale': 'backup',
  'machine-warning': 'supplies',
};

/**
 * The root condition an alert names: a jam is `jam` whether it suspended the machine, stopped it or put its scheduler
 * in error, so a flood's banner and the KPIs count it once. A scheduler error with several codes takes the first
 * that names a cause.
 */
export function causeOf(kind: AlertKind, code: string | undefined): AlertCause {
  if (kind === 'suspension' || kind === 'stopped' || kind === 'scheduler-error' || kind === 'machine-warning') {
    for (const c of (code ?? '').split(/[,:]/)) {
      const cause = CODE_CAUSES[c];
      if (cause) return cause;
    }
  }
  return KIND_CAUSES[kind];
}
