import type { TrainingScenario } from '../../../../shared/api/views';
import { say } from '../../../../shared/i18n/say';
import type { Translate } from '../../../../shared/i18n/translate';

/** A scenario's title, what happens, or the trainee's task, in the language of `t`; its id should the catalog lack it. */
export function scenarioText(t: Translate, scenario: Pick<TrainingScenario, 'id' | 'textParams'>, part: 'title' | 'summary' | 'trainee'): string {
  return say(t, { code: `scenarios:${scenario.id}.${part}`, params: scenario.textParams }) ?? scenario.id;
}
