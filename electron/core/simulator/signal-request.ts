import { asRecord, field } from '../../../shared/json-values';

const SIGNAL_OUTCOMES = ['Completed', 'Faulted', 'Canceled'] as const;
const WORKFLOW_ACTIONS = ['Resume', 'Reject'] as const;

/** An enum as System.Text.Json with string enums reads it: a name in any case, or the declaration index. */
function enumValue<T extends string>(names: readonly T[], value: unknown): T | undefined {
  if (typeof value === 'number') return names[value];
  if (typeof value !== 'string') return undefined;
  return names.find((n) => n.toLowerCase() === value.toLowerCase());
}

/** What the console's SignalExternalProcessCompleted asks of one workflow instance: go on, or fault it. */
export type SignalRequest = { workflowInstanceId: string; goOn: boolean } | { error: string };

/** Reads a signal's body as AIDA does; an explicit `requiredAction` decides over the outcome. */
export function readSignal(body: unknown): SignalRequest {
  const signal = asRecord(body);
  const id = field(signal, 'workflowInstanceId');
  const outcome = enumValue(SIGNAL_OUTCOMES, field(signal, 'outcome'));
  const actionRaw = field(signal, 'requiredAction');
  const action = actionRaw === undefined || actionRaw === null ? undefined : enumValue(WORKFLOW_ACTIONS, actionRaw);
  if (typeof id !== 'string' || id === '') return { error: 'workflowInstanceId is required' };
  if (!outcome) return { error: `outcome must be one of ${SIGNAL_OUTCOMES.join(', ')}` };
  if (actionRaw !== undefined && actionRaw !== null && !action) return { error: `requiredAction must be one of ${WORKFLOW_ACTIONS.join(', ')}` };
  return { workflowInstanceId: id, goOn: action ? action === 'Resume' : outcome === 'Completed' };
}
