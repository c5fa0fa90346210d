import { ERROR_CODES, STOP_REASONS, describe } from '../../../shared/aida/vocabulary';
import type { AlertKind } from '../../../shared/api/alerts';
import { REASON_UNKNOWN, REASON_UNKNOWN_TEXT } from '../domain/reconciliation';

const SUSPENSION_TITLES: Record<string, string> = {
  [REASON_UNKNOWN]: 'Suspended, reason unknown',
  FeederEmpty: 'Feeder empty',
  OpenInterlock: 'Interlock open',
  CardJam: 'Card jam',
};

/** Title, sentence and what to do, for each kind of alert: what the operator reads from two metres. */
export function alertTexts(kind: AlertKind, code: string | undefined, machineLabel: string): { title: string; text: string; action?: string } {
  switch (kind) {
    case 'suspension': {
      const d = code === REASON_UNKNOWN ? REASON_UNKNOWN_TEXT : describe(ERROR_CODES, code);
      return { title: SUSPENSION_TITLES[code ?? ''] ?? `Suspended: ${code ?? 'unknown reason'}`, text: d.text, ...(d.action ? { action: d.action } : {}) };
    }
    case 'stopped': {
      const d = describe(STOP_REASONS, code);
      return { title: `Issuance stopped: ${code ?? 'unknown reason'}`, text: d.text, ...(d.action ? { action: d.action } : {}) };
    }
    case 'silence':
      return {
        title: `No message from ${machineLabel}`,
        text: 'The machine is running but has sent nothing for longer than the watchdog allows.',
        action: 'Check the machine and the network: it may have stopped sending webhooks to this console.',
      };
    case 'unreachable':
      return {
        title: `${machineLabel} does not answer`,
        text: "The machine's REST API does not answer: Resume, Stop and decisions cannot reach it.",
        action: 'Check that the machine is on and reachable on the network (its API port, usually 5000).',
      };
    case 'encoder-wait':
      return {
        title: 'A card waits in the encoder',
        text: 'A card has waited for chip encoding longer than allowed. It stays in the encoder until someone decides.',
        action: 'Check the encoder service, or mark the card Encoded or Failed in the review queue.',
      };
  }
}
