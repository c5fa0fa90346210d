import { SCHEDULER_STATUSES, canonical } from '../../../shared/aida/vocabulary';
import { asRecord } from '../../../shared/json-values';
import type { AidaAnswer } from './aida-answer';

/** Readers of AIDA's answers: each returns undefined for a body it cannot read, never throws. */

export function answerJson(answer: Pick<AidaAnswer, 'body'>): unknown {
  try {
    return JSON.parse(answer.body ?? '');
  } catch {
    return undefined;
  }
}

/**
 * Workflow instance ids from GET workflow-instances/suspended (WorkflowInstanceSummaryModel[], whose `id` is the
 * instance) or AIDA 1.6's GET job-instances/suspended (JobInstanceDto[], whose `id` is the job instance's number and
 * `workflowInstanceId` the instance).
 */
export function suspendedIds(answer: Pick<AidaAnswer, 'body'>): Set<string> | undefined {
  const json = answerJson(answer);
  if (!Array.isArray(json)) return undefined;
  const idOf = (item: unknown): unknown => {
    const record = asRecord(item);
    return typeof record?.['workflowInstanceId'] === 'string' ? record['workflowInstanceId'] : record?.['id'];
  };
  return new Set(json.map(idOf).filter((id): id is string => typeof id === 'string'));
}

/**
 * How many jobs of GET job-instances/suspended (AIDA 1.6) wait for Resume: those suspended with an error code. A job
 * waiting for an external signal (OCR, encoder, readback) carries NoErrors; a code this console does not know counts
 * as waiting, so that the suspension is never cleared on a guess.
 */
export function waitingForResume(answer: Pick<AidaAnswer, 'body'>): number | undefined {
  const json = answerJson(answer);
  if (!Array.isArray(json)) return undefined;
  return json.filter((item) => {
    const code = asRecord(item)?.['errorCodes'];
    return code !== undefined && code !== null && code !== 'NoErrors' && code !== 0;
  }).length;
}

/** `errors` and `errorDetails` of GET …/state when its status is Error; undefined otherwise. */
export function schedulerError(answer: Pick<AidaAnswer, 'body'>): { errors: string[]; details?: string } | undefined {
  const dto = asRecord(answerJson(answer));
  if (canonical(SCHEDULER_STATUSES, dto?.['status']) !== 'Error' || !dto) return undefined;
  const errors = Array.isArray(dto['errors']) ? dto['errors'].map((e) => (typeof e === 'string' ? e : JSON.stringify(e))) : [];
  const details = typeof dto['errorDetails'] === 'string' && dto['errorDetails'].trim() !== '' ? dto['errorDetails'] : undefined;
  return { errors, ...(details ? { details } : {}) };
}

/** GET /aida/v1/system/info (SystemInfoDto), the strings as sent. */
export function systemInfo(answer: Pick<AidaAnswer, 'body'>): { version?: string; model?: string; serial?: string } | undefined {
  const dto = asRecord(answerJson(answer));
  if (!dto) return undefined;
  const text = (key: string) => (typeof dto[key] === 'string' && dto[key].trim() !== '' ? dto[key] : undefined);
  const info = { version: text('serverVersion'), model: text('systemModel'), serial: text('serialNumber') };
  const present = Object.fromEntries(Object.entries(info).filter(([, v]) => v !== undefined));
  return Object.keys(present).length > 0 ? present : undefined;
}

/** GET /aida/v1/machine/status (AIDA 1.6 MachineStatusDto): the facts a suspension can be checked against. */
export function machineStatus(answer: Pick<AidaAnswer, 'body'>): { hasOpenInterlocks?: boolean; allFeedersEmpty?: boolean; schedulerStatus?: string } | undefined {
  const dto = asRecord(answerJson(answer));
  if (!dto) return undefined;
  const out: { hasOpenInterlocks?: boolean; allFeedersEmpty?: boolean; schedulerStatus?: string } = {};
  if (typeof dto['hasOpenInterlocks'] === 'boolean') out.hasOpenInterlocks = dto['hasOpenInterlocks'];
  if (typeof dto['allFeedersEmpty'] === 'boolean') out.allFeedersEmpty = dto['allFeedersEmpty'];
  if (typeof dto['schedulerStatus'] === 'string') out.schedulerStatus = dto['schedulerStatus'];
  return Object.keys(out).length > 0 ? out : undefined;
}

/** `status` of GET …/state (WorkflowSchedulerStateDto). */
export function schedulerStatus(answer: Pick<AidaAnswer, 'body'>): string | undefined {
  const json = answerJson(answer);
  const status = json && typeof json === 'object' ? (json as { status?: unknown }).status : undefined;
  return typeof status === 'string' ? status : undefined;
}
