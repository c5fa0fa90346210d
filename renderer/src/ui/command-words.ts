import type { CommandKind } from '../../../shared/api/views';
import type { Translate } from '../../../shared/i18n/translate';

const KEY: Record<CommandKind, string> = {
  resume: 'ui:command.resume',
  stop: 'ui:command.stop',
  abort: 'ui:command.abort',
  start: 'ui:command.start',
  signal: 'ui:command.signal',
};

/**
 * A command's kind in the words on its button, in the viewer's language: the outcome line, the audit trail and the
 * alert history say the same. A kind recorded as text that this console does not know is shown as sent.
 */
export const translateCommand = (t: Translate, kind: string): string => (Object.hasOwn(KEY, kind) ? t(KEY[kind as CommandKind]) : kind);
