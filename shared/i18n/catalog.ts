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
import { actions } from './texts/actions';
import { aida } from './texts/aida';
import { aidaErrors } from './texts/aida-errors';
import { app } from './texts/app';
import { commands } from './texts/commands';
import { csv } from './texts/csv';
import { findJob } from './texts/findJob';
import { issuance } from './texts/issuance';
import { jobs } from './texts/jobs';
import { machines } from './texts/machines';
import { people } from './texts/people';
import { refusals } from './texts/refusals';
import { settings } from './texts/settings';
import { shell } from './texts/shell';
import { outcomes } from './texts/outcomes';
import { audit } from './texts/audit';
import { auditDetails } from './texts/audit-details';
import { permissions } from './texts/permissions';
import { reviews } from './texts/reviews';
import { scenarios } from './texts/scenarios';
import { activity } from './texts/activity';
import { deliveries } from './texts/deliveries';
import { training } from './texts/training';
import { verification } from './texts/verification';
import { ui } from './texts/ui';

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
  actions,
  app,
  commands,
  csv,
  findJob,
  issuance,
  jobs,
  machines,
  people,
  refusals,
  settings,
  shell,
  outcomes,
  audit,
  auditDetails,
  permissions,
  reviews,
  activity,
  deliveries,
  training,
  scenarios,
  aida,
  aidaErrors,
  verification,
  ui,
} satisfies Record<string, { [L in Language]: TextTree }>;

export type Namespace = keyof typeof CATALOG;
