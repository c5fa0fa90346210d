import { z } from 'zod';

/** What crosses the core/UI boundary: a value, or an error a person can read. Never a thrown exception. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ApiErrorSchema = z.object({
  code: z.enum(['invalid-request', 'not-found', 'not-allowed', 'unavailable', 'internal']),
  message: z.string(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ApiError['code'], message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});

export function resultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: ApiErrorSchema }),
  ]);
}
