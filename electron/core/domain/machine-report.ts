import type { CodedText } from '../../../shared/api/coded-text';
import type { MachineReport, SchedulerError } from '../../../shared/api/views';
import { REASON_UNKNOWN } from './reconciliation';

/** A note of the `aida` namespace: said in each viewer's language. */
const note = (key: string): CodedText => ({ code: `aida:machineNote.${key}` });

/**
 * What AIDA 1.6's `GET machine/status` says about a suspension, in words, or undefined when it says nothing about it.
 * Only a reading taken after the suspension began counts. It confirms or annotates a suspension and never closes one:
 * only the machine's scheduler does (a webhook, or the work waiting for Resume read as empty).
 */
export function suspensionNote(code: string, since: string, report: MachineReport | undefined): CodedText | undefined {
  if (!report || Date.parse(report.at) < Date.parse(since)) return undefined;
  const open = report.hasOpenInterlocks;
  const empty = report.allFeedersEmpty;
  switch (code) {
    case 'OpenInterlock':
      if (open === false) return note('coverClosed');
      if (open === true) return note('coverStillOpen');
      return undefined;
    case 'FeederEmpty':
      if (empty === false) return note('cardsLoaded');
      if (empty === true) return note('feederStillEmpty');
      return undefined;
    case 'CardJam':
      // The status has no jam of its own; a cover opened to clear one is still worth saying.
      return open === true ? note('closeBeforeResume') : undefined;
    case REASON_UNKNOWN:
      if (open === true) return note(empty === true ? 'coverOpenFeederEmpty' : 'coverOpen');
      return empty === true ? note('feederEmpty') : undefined;
    default:
      return undefined;
  }
}

/** A scheduler in Error as the UI shows it: its WorkflowSchedulerErrorCodes values (the page says them in words). */
export function schedulerErrorView(error: { errors: readonly string[]; details?: string | undefined; since: string }): SchedulerError {
  return {
    errors: error.errors.map((code) => ({ code })),
    ...(error.details ? { details: error.details } : {}),
    since: error.since,
  };
}
