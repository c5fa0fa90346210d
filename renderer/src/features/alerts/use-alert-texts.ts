import { CONSOLE_SUBJECT, type AlertView } from '../../../../shared/api/alerts';
import { alertTexts, subjectLabel, type AlertTexts } from '../../../../shared/alerts/alert-texts';
import { INTL_LOCALE } from '../../../../shared/i18n/languages';
import { useT } from '../../i18n/use-t';
import { useConsole } from '../../store/context';

/** An alert's title, sentence and "What to do" in the page's language, and the heading the band names it by. */
export function useAlertTexts(alert: AlertView): AlertTexts & { heading: string; subject: string } {
  const t = useT();
  const locale = INTL_LOCALE[useConsole((s) => s.language)];
  const texts = alertTexts(t, alert, locale);
  const subject = subjectLabel(t, alert);
  // Some titles already name the machine ("AIDA line 1 does not answer"), the console's own name none: never twice.
  const heading = alert.machineId === CONSOLE_SUBJECT || texts.title.includes(subject) ? texts.title : `${texts.title} — ${subject}`;
  return { ...texts, heading, subject };
}
