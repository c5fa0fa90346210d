import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ocrExecuted } from '../../fixtures/aida';
import { startTestConsole, testConfig, type TestConsole } from '../../helpers/core';
import { HOUR, manualClock } from './helpers';

let core: TestConsole | undefined;
afterEach(async () => {
  await core?.stop();
  core = undefined;
});

/** Every OCR text a database file still holds, in reviews and in the logged messages. */
function readTexts(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const reviews = db.prepare<[], string>('SELECT payload FROM reviews').pluck().all();
    const events = db.prepare<[], string>("SELECT message FROM events WHERE source = 'aida'").pluck().all();
    return [...reviews, ...events].join('\n');
  } finally {
    db.close();
  }
}

describe('personal data in backups', () => {
  it('is redacted in every kept backup once retention.personalDataDays has passed', async () => {
    const clock = manualClock(new Date().toISOString());
    core = await startTestConsole(testConfig({ retention: { personalDataDays: 1 } }), {
      now: clock.now,
      backup: { firstDelayMs: 60 * 60_000 },
      retention: { everyMs: 60 * 60_000 },
    });
    await core.post(ocrExecuted('7'));
    const first = await core.handlers.backUpNow({});
    const firstFile = first.ok ? (first.value.last?.file ?? '') : '';
    expect(readTexts(firstFile)).toContain('ERIKSSON');

    clock.advance(49 * HOUR);
    const second = await core.handlers.backUpNow({});
    expect(second.ok && second.value.last?.result).toBe('ok');
    // The older copy too: a backup keeps nothing longer than the live file may.
    expect(readTexts(firstFile)).not.toContain('ERIKSSON');
    expect(readTexts(firstFile)).toContain('[redacted]');
    expect(readTexts(second.ok ? (second.value.last?.file ?? '') : '')).not.toContain('ERIKSSON');
  });
});
