import { ERROR_CODES, SCHEDULER_ERROR_CODES, STOP_REASONS, describe } from '../../../shared/aida/vocabulary';
import type { AlertKind } from '../../../shared/api/alerts';
import { REASON_UNKNOWN, REASON_UNKNOWN_TEXT } from '../domain/reconciliation';

const SUSPENSION_TITLES: Record<string, string> = {
  [REASON_UNKNOWN]: 'Suspended, reason unknown',
  FeederEmpty: 'Feeder empty',
  OpenInterlock: 'Interlock open',
  CardJam: 'Card jam',
};

/** Free space in words: "812 MB", "1.1 GB". */
function spaceWords(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb < 1000 ? `${Math.floor(mb)} MB` : `${(mb / 1024).toFixed(1)} GB`;
}

/**
 * Title, sentence and what to do, for each kind of alert: what the operator reads from two metres. `detail`: what the
 * alert was raised with (the free bytes of a low disk).
 */
export function alertTexts(
  kind: AlertKind,
  code: string | undefined,
  machineLabel: string,
  detail?: string,
): { title: string; text: string; action?: string } {
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
    case 'message-conflict':
      return {
        title: `${machineLabel} reused a MessageId`,
        text: `Message ${code ?? ''} in the log carries the MessageId of an earlier message from the same machine, with a different body. It is kept, and applied to nothing: which of the two is true cannot be told.`,
        action: "Compare both in the job's messages, check the jobs they name on the machine, and tell IT: the machine's message numbering may have been reset.",
      };
    case 'api-refused':
      return {
        title: `${machineLabel} refuses the console`,
        text: "The machine's REST API answers, but refuses the console's credentials (or asks for some and none are set): Resume, Stop and decisions cannot reach it.",
        action: "Check this machine's credentials in Settings (user name, password, client id and secret) against the users of the machine's API.",
      };
    case 'scheduler-error': {
      const codes = (code ?? '').split(',').filter((c) => c !== '');
      const texts = codes.map((c) => describe(SCHEDULER_ERROR_CODES, c));
      const actions = texts.map((t) => t.action).filter((a): a is string => a !== undefined);
      return {
        title: `Issuance in error${codes.length > 0 ? `: ${codes.join(', ')}` : ''}`,
        text: texts.length > 0 ? texts.map((t) => t.text).join(' ') : 'The machine reports its scheduler in error, without saying why.',
        action: actions.length > 0 ? `${actions.join(' ')} The machine panel shows the details it sent.` : 'Check the machine: the machine panel shows the details it sent.',
      };
    }
    case 'encoder-wait':
      return {
        title: 'A card waits in the encoder',
        text: 'A card has waited for chip encoding longer than allowed. It stays in the encoder until someone decides.',
        action: 'Check the encoder service, or mark the card Encoded or Failed in the review queue.',
      };
    case 'disk-low': {
      const free = Number(detail);
      return {
        title: 'The console\'s disk is almost full',
        text:
          `${Number.isFinite(free) ? `Only ${spaceWords(free)} was` : 'Less than 1 GB was'} free on the disk that holds the console's data when this ` +
          'was raised. When it is full, the console can no longer store messages: it answers machines with an error, they retry, then stop.',
        action: 'Tell IT now: free space on that disk, or move the data directory (dataDir in Settings). This closes by itself once 1.25 GB is free.',
      };
    }
    case 'backup-failed':
      return {
        title: "The console's backup failed",
        text: `The last copy of the console's data could not be made or did not pass its check (${detail ?? 'no reason recorded'}). Older backups are kept.`,
        action: 'Tell IT: check the backup folder (backup.dir in Settings) and its disk, then press Back up now in Settings. This closes once a backup passes its check.',
      };
    case 'backup-stale':
      return {
        title: "The console's data has no recent backup",
        text: `${detail ? `The last good backup was made ${detail}.` : 'No backup has passed its check yet.'} A backup is made every day; none has succeeded for over a day.`,
        action: 'Tell IT: check the backup folder (backup.dir in Settings) and its disk, then press Back up now in Settings.',
      };
  }
}
