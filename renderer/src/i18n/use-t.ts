import { translator, type Translate } from '../../../shared/i18n/translate';
import { useConsole } from '../store/context';

/** The translate function of the page's language: components re-render when it changes. */
export function useT(): Translate {
  return translator(useConsole((s) => s.language));
}
