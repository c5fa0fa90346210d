import { timingSafeEqual } from 'node:crypto';
import { fail, type Result } from '../../../shared/api/result';

/** When a supervisor PIN is configured, the actions that reject cards or abort need it; without one they do not. */
export function checkPin(configured: string | undefined, given: string | undefined): Result<never> | undefined {
  if (configured === undefined) return undefined;
  if (given === undefined || given === '') return fail('not-allowed', 'the supervisor PIN is required');
  const a = Buffer.from(given);
  const b = Buffer.from(configured);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return fail('not-allowed', 'wrong supervisor PIN');
  return undefined;
}
