import type { HealthWarning, MachineHealthView } from '../api/machine-health';
import type { Translate } from '../i18n/translate';

/** The machine's codes and states in the page's words; a name this console does not know is shown as sent. */

/** The text of `key`, or undefined where the catalog has none (a code of another AIDA version). */
const known = (t: Translate, key: string, params: Record<string, unknown> = {}): string | undefined => {
  const text = t(key, { ...params, defaultValue: '' });
  return text === '' ? undefined : text;
};

export function warningText(t: Translate, w: HealthWarning): string {
  if (w.code === 'FeederEmpty' && w.subject) return t('health:feederAhead', { name: w.subject });
  return known(t, `health:code.${w.code}`) ?? t('health:unknownCode', { code: w.code });
}

export function systemStatusText(t: Translate, status: string | undefined): string {
  if (status === undefined) return t('health:notReported');
  return known(t, `health:status.${status}`) ?? status;
}

export function feederText(t: Translate, feeder: NonNullable<MachineHealthView['feeders']>[number]): string {
  return known(t, `health:feeder.${feeder.status}`, { name: feeder.name }) ?? `${feeder.name}: ${feeder.status}`;
}
