import { describe, expect, it } from 'vitest';
import { fuzzWebhooks } from './fuzz';

/** `npm run fuzz` runs this file for longer (FUZZ_SECONDS) and may replay a seed (FUZZ_SEED); `npm test` for 10 s. */
const seconds = Number(process.env['FUZZ_SECONDS'] ?? 10);
const seed = process.env['FUZZ_SEED'] === undefined ? undefined : Number(process.env['FUZZ_SEED']);

describe('every webhook route under random and adversarial deliveries', () => {
  it(
    `keeps serving for ${seconds} s: answers as documented, never 5xx, records every delivery, acknowledges every valid one`,
    async () => {
      const report = await fuzzWebhooks({ durationMs: seconds * 1000, ...(seed !== undefined ? { seed } : {}), log: (line) => console.log(line) });
      expect(report.valid).toBe(report.rounds);
      expect(report.deliveries).toBeGreaterThan(report.rounds);
    },
    (seconds + 10) * 1000,
  );
});
