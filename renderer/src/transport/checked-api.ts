import type { z } from 'zod';
import {
  CONSOLE_METHODS,
  ConsoleEventSchema,
  METHOD_NAMES,
  type ConsoleApi,
  type ConsoleEvent,
  type MethodName,
} from '../../../shared/api/contract';
import { fail, resultSchema, type Result } from '../../../shared/api/result';

/**
 * The one place where what crosses the boundary into the page is checked against the contract, for both transports
 * (the Electron preload bridge and the serve-mode WebSocket). A result the contract does not allow becomes an
 * `internal` error the UI shows like any other refusal; nothing here throws.
 */

/** A transport's bare call: the method's name and argument out, whatever came back in. */
export type RawCall = (method: MethodName, params: unknown) => Promise<unknown>;

// Built on first use, one per method: a schema is cheap to use, not to build.
const schemas = new Map<MethodName, z.ZodType>();

function schemaOf(method: MethodName): z.ZodType {
  let schema = schemas.get(method);
  if (!schema) {
    schema = resultSchema(CONSOLE_METHODS[method].result);
    schemas.set(method, schema);
  }
  return schema;
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'no detail';
  return issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}

/** The answer to `method` if the contract allows it, else an `internal` error that says so (and is logged). */
export function checkResult(method: MethodName, raw: unknown): Result<unknown> {
  const parsed = schemaOf(method).safeParse(raw);
  if (parsed.success) return parsed.data as Result<unknown>;
  const message = `${method}: the console answered with something the contract does not allow: ${firstIssue(parsed.error)}`;
  console.error(message, parsed.error.issues);
  return fail('internal', message);
}

/** A pushed event if the contract allows it; anything else is logged and dropped. */
export function checkEvent(raw: unknown): ConsoleEvent | undefined {
  const parsed = ConsoleEventSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  console.error(`an event the contract does not allow was dropped: ${firstIssue(parsed.error)}`, parsed.error.issues);
  return undefined;
}

/** The ConsoleApi over a transport's bare call: every answer checked, a call that throws turned into an error value. */
export function checkedApi(call: RawCall): ConsoleApi {
  const entries = METHOD_NAMES.map((method) => [
    method,
    async (params: unknown): Promise<Result<unknown>> => {
      let raw: unknown;
      try {
        raw = await call(method, params);
      } catch (err) {
        console.error(`${method}: the transport failed`, err);
        return fail('unavailable', `${method}: ${err instanceof Error ? err.message : String(err)}`);
      }
      return checkResult(method, raw);
    },
  ]);
  return Object.fromEntries(entries) as unknown as ConsoleApi;
}
