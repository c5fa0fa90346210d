import type { Outcome } from '../../../shared/api/reviews';
import type { AidaAnswer } from '../aida/aida-answer';
import type { AidaClient, StartParams } from '../aida/client';
import type { Command } from '../store/command-repo';

export interface SignalPayload {
  workflowInstanceId: string;
  outcome: Outcome;
  errorReason?: string;
  callbackUrl?: string;
}

/**
 * The CallbackUrl this attempt of a signal goes to, if any. Only a command's first attempt may use one (where the
 * machine opts in and the URL is the machine's own): neither source documents its method or body, so every later
 * attempt of the same command — a retry, a resend after reconciling, a person's Send again — goes to the documented
 * endpoint. `command` is as marked sent for this attempt.
 */
export function signalCallback(client: AidaClient, command: Command): string | undefined {
  if (command.kind !== 'signal' || command.attempts !== 1) return undefined;
  return client.callbackTarget((command.payload as SignalPayload).callbackUrl);
}

/** The one place a stored command becomes a request to AIDA. `command` is as marked sent for this attempt. */
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
    case 'signal': {
      const { callbackUrl: _ignored, ...signal } = command.payload as SignalPayload;
      const callbackUrl = signalCallback(client, command);
      return client.signal({ ...signal, ...(callbackUrl ? { callbackUrl } : {}) });
    }
  }
}

/** Scheduler states that show a command took effect, for reconciling after an ambiguous answer. */
export const EFFECT_SEEN_IN_STATE: Record<Exclude<Command['kind'], 'signal'>, readonly string[]> = {
  resume: ['Starting', 'Running', 'Waiting', 'JobQueueEmpty'],
  start: ['Starting', 'Running', 'Waiting', 'JobQueueEmpty'],
  stop: ['Stopping', 'Stopped'],
  abort: ['Stopping', 'Stopped'],
};
