import type { AidaAnswer } from './client';

/** Readers of AIDA's answers: each returns undefined for a body it cannot read, never throws. */

export function answerJson(answer: Pick<AidaAnswer, 'body'>): unknown {
  try {
    return JSON.parse(answer.body ?? '');
  } catch {
    return undefined;
  }
}

/** Instance ids from GET workflow-instances/suspended (WorkflowInstanceSummaryModel[]). */
export function suspendedIds(answer: Pick<AidaAnswer, 'body'>): Set<string> | undefined {
  const json = answerJson(answer);
  if (!Array.isArray(json)) return undefined;
  return new Set(
    json.map((i) => (i && typeof i === 'object' ? (i as { id?: unknown }).id : undefined)).filter((id): id is string => typeof id === 'string'),
  );
}

/** `status` of GET …/state (WorkflowSchedulerStateDto). */
export function schedulerStatus(answer: Pick<AidaAnswer, 'body'>): string | undefined {
  const json = answerJson(answer);
  const status = json && typeof json === 'object' ? (json as { status?: unknown }).status : undefined;
  return typeof status === 'string' ? status : undefined;
}
