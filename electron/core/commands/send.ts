import type { Outcome } from '../../../shared/api/reviews';
import type { AidaAnswer, AidaClient, StartParams } from '../aida/client';
import type { Command } from '../store/command-repo';

export interface SignalPayload {
  workflowInstanceId: string;
  outcome: Outcome;
  errorReason?: string;
  callbackUrl?: string;
}

/** The one place a stored command becomes a request to AIDA. */
export function sendCommand(client: AidaClient, command: Command): Promise<AidaAnswer> {
  switch (command.kind) {
    case 'resume':
      return client.resume();
    case 'stop':
      return client.stop(false);
    case 'abort':
      return client.stop(true);
    case 'start':
      return client.start(command.payload as StartParams);
    case 'signal':
      return client.signal(command.payload as SignalPayload);
  }
}

/** Scheduler states that show a command took effect, for reconciling after an ambiguous answer. */
export const EFFECT_SEEN_IN_STATE: Record<Exclude<Command['kind'], 'signal'>, readonly string[]> = {
  resume: ['Starting', 'Running', 'Waiting', 'JobQueueEmpty'],
  start: ['Starting', 'Running', 'Waiting', 'JobQueueEmpty'],
  stop: ['Stopping', 'Stopped'],
  abort: ['Stopping', 'Stopped'],
};
