import { describe, expect, it } from 'vitest';
import { SCENARIOS, templateNameOf } from '../../../electron/core/simulator/scenarios';
import { LANGUAGES } from '../../../shared/i18n/languages';
import { say } from '../../../shared/i18n/say';
import { translator } from '../../../shared/i18n/translate';

describe("the training scenarios' texts", () => {
  it('has a title, a story and a task for every scenario in every language, each card number it cites filled in', () => {
    for (const lang of LANGUAGES) {
      for (const scenario of SCENARIOS) {
        for (const part of ['title', 'summary', 'trainee']) {
          const text = say(translator(lang), { code: `scenarios:${scenario.id}.${part}`, params: scenario.textParams });
          expect(text, `${lang} ${scenario.id}.${part}`).toMatch(/\w/);
          expect(text, `${lang} ${scenario.id}.${part}`).not.toMatch(/\{\{/);
        }
      }
    }
    const jam = SCENARIOS.find((s) => s.id === 'card-jam-box');
    expect(jam && say(translator('de'), { code: 'scenarios:card-jam-box.summary', params: jam.textParams })).toMatch(/^Karte 3 verklemmt sich/);
  });

  it('names the job template of a run after the scenario, once, as a machine holds it', () => {
    const feederEmpty = SCENARIOS.find((s) => s.id === 'feeder-empty');
    expect(feederEmpty && templateNameOf(feederEmpty)).toBe('Feeder runs empty');
  });
});
