import type { Language } from './languages';
import type { TextTree } from './namespace';
import { alarmHistory } from './texts/alarm-history';
import { alerts } from './texts/alerts';
import { band } from './texts/band';
import { common } from './texts/common';
import { connection } from './texts/connection';
import { production } from './texts/production';
import { report } from './texts/report';
import { health } from './texts/health';

/**
 * Every feature's texts, by namespace: a key is written `namespace:path.to.text` (`t('common:close')`). A feature adds
 * its own file under texts/ and one line here.
 */
export const CATALOG = {
  common,
  connection,
  production,
  report,
  health,
  alerts,
  band,
  alarmHistory,
} satisfies Record<string, { [L in Language]: TextTree }>;

export type Namespace = keyof typeof CATALOG;
