import { CONSOLE_SUBJECT, type AlertView } from '../api/alerts';
import type { Translate } from '../i18n/translate';
import { alerts as ALERT_TEXTS } from '../i18n/texts/alerts';
import { describe } from '../aida/vocabulary-texts';
import { warningText } from '../health/health-words';
import { machineWarningOf } from './machine-warning-code';

/** What the texts are composed from: the structured fields of an AlertView. */
export type AlertTextSource = Pick<AlertView, 'kind' | 'code' | 'detail' | 'machineLabel' | 'machineId'>;

export interface AlertTexts {
  title: string;
  text: string;
  action?: string;
}

/** The alerts whose code has a short title of its own ("Feeder empty"); the others are titled with their code. */
const TITLED = ALERT_TEXTS.en.titles as Readonly<Record<string, string>>;
/** A suspension whose reason no message gave (electron/core/domain/reconciliation.ts). */
const REASON_UNKNOWN = 'ReasonUnknown';

/** Free space in words, in the viewer's locale: "812 MB", "1.1 GB" ("1,1 GB"). */
function spaceWords(bytes: number, locale: string): string {
  const mb = bytes / (1024 * 1024);
  if (mb < 1000) return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.floor(mb))} MB`;
  return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(mb / 1024)} GB`;
}

function when(iso: string, locale: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** The machine's name as the viewer reads it ("This console" for the console's own alerts). */
export function subjectLabel(t: Translate, a: Pick<AlertView, 'machineId' | 'machineLabel'>): string {
  return a.machineId === CONSOLE_SUBJECT ? t('alerts:consoleSubject') : a.machineLabel;
}

const withAction = (title: string, text: string, action: string | undefined): AlertTexts => ({ title, text, ...(action ? { action } : {}) });

/**
 * Title, sentence and what to do, in the language of `t`: what the operator reads from two metres. `locale`: how
 * numbers and dates are written (INTL_LOCALE[lang]). Machine-originated text (a backup's failure) is shown as sent.
 */
export function alertTexts(t: Translate, a: AlertTextSource, locale = 'en-GB'): AlertTexts {
  const machine = subjectLabel(t, a);
  const { code, detail } = a;
  switch (a.kind) {
    case 'suspension': {
      if (code === undefined || code === REASON_UNKNOWN) {
        return withAction(t('alerts:suspension.titleUnknown'), t('alerts:suspension.unknownText'), t('alerts:suspension.unknownAction'));
      }
      const title = Object.hasOwn(TITLED, code) ? t(`alerts:titles.${code}`) : t('alerts:suspension.title', { code });
      const d = describe(t, 'errorCodes', code);
      return withAction(title, d.text, d.action);
    }
    case 'stopped': {
      const d = describe(t, 'stopReasons', code);
      return withAction(t('alerts:stopped.title', { code: code ?? '?' }), d.text, d.action);
    }
    case 'silence':
      return withAction(t('alerts:silence.title', { machine }), t('alerts:silence.text'), t('alerts:silence.action'));
    case 'unreachable':
      return withAction(t('alerts:unreachable.title', { machine }), t('alerts:unreachable.text'), t('alerts:unreachable.action'));
    case 'message-conflict':
      return withAction(t('alerts:messageConflict.title', { machine }), t('alerts:messageConflict.text', { seq: code ?? '' }), t('alerts:messageConflict.action'));
    case 'api-refused':
      return withAction(t('alerts:apiRefused.title', { machine }), t('alerts:apiRefused.text'), t('alerts:apiRefused.action'));
    case 'scheduler-error': {
      const codes = (code ?? '').split(',').filter((c) => c !== '');
      if (codes.length === 0) return withAction(t('alerts:schedulerError.titleNoCode'), t('alerts:schedulerError.noReason'), t('alerts:schedulerError.checkMachine'));
      const texts = codes.map((c) => describe(t, 'schedulerErrors', c));
      const actions = texts.map((x) => x.action).filter((x): x is string => x !== undefined);
      return withAction(
        t('alerts:schedulerError.title', { codes: codes.join(', ') }),
        texts.map((x) => x.text).join(' '),
        actions.length > 0 ? `${actions.join(' ')} ${t('alerts:schedulerError.seePanel')}` : t('alerts:schedulerError.checkMachine'),
      );
    }
    case 'encoder-wait':
      return withAction(t('alerts:encoderWait.title'), t('alerts:encoderWait.text'), t('alerts:encoderWait.action'));
    case 'disk-low': {
      const free = Number(detail);
      const text = detail !== undefined && Number.isFinite(free) ? t('alerts:diskLow.text', { free: spaceWords(free, locale) }) : t('alerts:diskLow.textUnknown');
      return withAction(t('alerts:diskLow.title'), text, t('alerts:diskLow.action'));
    }
    case 'backup-failed':
      return withAction(t('alerts:backupFailed.title'), t('alerts:backupFailed.text', { reason: detail ?? t('alerts:backupFailed.noReason') }), t('alerts:backupFailed.action'));
    case 'backup-stale':
      return withAction(
        t('alerts:backupStale.title'),
        detail ? t('alerts:backupStale.text', { when: when(detail, locale) }) : t('alerts:backupStale.textNever'),
        t('alerts:backupStale.action'),
      );
    case 'machine-warning': {
      const warning = { ...machineWarningOf(code ?? ''), level: 'ahead' as const };
      return withAction(t('alerts:machineWarning.title', { machine }), warningText(t, warning), t('alerts:machineWarning.action'));
    }
  }
}

/** Why it closed, in the language of `t`; a row stored before the codes keeps its English text as written. */
export function closedReasonText(t: Translate, a: Pick<AlertView, 'closedReasonCode' | 'closedReasonParams' | 'closedReason'>): string | undefined {
  if (a.closedReasonCode) return t(`alerts:closed.${a.closedReasonCode}`, a.closedReasonParams ?? {});
  return a.closedReason;
}
