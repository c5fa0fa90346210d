import { z } from 'zod';

/** A parameter of a coded text: a value shown as is, or another coded text rendered in the same language first. */
export type CodedParam = string | number | CodedText;

/**
 * A sentence the core stores or sends as a catalog key and its parameters (`{code: 'outcomes:notSent', params:
 * {reason: …}}`), so each viewer reads it in their own language. Values that came from a machine stay as sent.
 */
export interface CodedText {
  code: string;
  params?: Record<string, CodedParam> | undefined;
}

export const CodedTextSchema: z.ZodType<CodedText> = z.lazy(() =>
  z.object({
    code: z.string().min(1).max(200),
    params: z.record(z.string(), z.union([z.string(), z.number(), CodedTextSchema])).optional(),
  }),
);
