import { SCHEDULER_ERROR_CODES, describe } from '../../../shared/aida/vocabulary';
import type { MachineReport, SchedulerError } from '../../../shared/api/views';
import { REASON_UNKNOWN } from './reconciliation';

/**
 * What AIDA 1.6's `GET machine/status` says about a suspension, in words, or undefined when it says nothing about it.
 * Only a reading taken after the suspension began counts. It confirms or annotates a suspension and never closes one:
 * only the machine's scheduler does (a webhook, or the work waiting for Resume read as empty).
 */
export function suspensionNote(code: string, since: string, report: MachineReport | undefined): string | undefined {
  if (!report || Date.parse(report.at) < Date.parse(since)) return undefined;
  const open = report.hasOpenInterlocks;
  const empty = report.allFeedersEmpty;
  switch (code) {
    case 'OpenInterlock':
      if (open === false) return 'The machine reports every cover and door closed now: press Resume.';
      if (open === true) return 'The machine still reports a cover or door open.';
      return undefined;
    case 'FeederEmpty':
      if (empty === false) return 'The machine reports cards in the feeder now: press Resume.';
      if (empty === true) return 'The machine still reports every feeder empty.';
      return undefined;
    case 'CardJam':
      // The status has no jam of its own; a cover opened to clear one is still worth saying.
      return open === true ? 'The machine reports a cover or door open: close it before pressing Resume.' : undefined;
    case REASON_UNKNOWN: {
      const facts = [
        ...(open === true ? ['a cover or door open'] : []),
        ...(empty === true ? ['every feeder empty'] : []),
      ];
      return facts.length > 0 ? `The machine reports ${facts.join(' and ')}.` : undefined;
    }
    default:
      return undefined;
  }
}

/** A scheduler in Error as the UI shows it: each WorkflowSchedulerErrorCodes value in words, unknown ones verbatim. */
export function schedulerErrorView(error: { errors: readonly string[]; details?: string | undefined; since: string }): SchedulerError {
  return {
    errors: error.errors.map((code) => {
      const d = describe(SCHEDULER_ERROR_CODES, code);
      return { code, text: d.text, ...(d.action ? { action: d.action } : {}) };
    }),
    ...(error.details ? { details: error.details } : {}),
    since: error.since,
  };
}
