import { z } from 'zod';
import { coded } from '../i18n/stored-text';
import { CodedTextSchema, type CodedParam } from './coded-text';

/** What crosses the core/UI boundary: a value, or an error a person can read. Never a thrown exception. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ApiErrorSchema = z.object({
  code: z.enum(['invalid-request', 'not-found', 'not-allowed', 'unavailable', 'internal']),
  message: z.string(),
  /** The message as a catalog code and parameters, for the reader's language; `message` is its English text. */
  text: CodedTextSchema.optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ApiError['code'], message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});

/** A failure whose message the catalog holds (`key`: `namespace:path`): each page shows it in its own language. */
export const failCoded = (code: ApiError['code'], key: string, params?: Record<string, CodedParam>): Result<never> => {
  const said = coded(key, params);
  return { ok: false, error: { code, message: said.text, ...(said.coded ? { text: said.coded } : {}) } };
};

export function resultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: ApiErrorSchema }),
  ]);
}
