import { CONSOLE_METHODS, isMethodName, METHOD_NAMES, type MethodName, type ValidParamsOf, type ValueOf } from './contract';
import { fail, type Result } from './result';

/** The core's handler of one method: a valid argument in, a value or an expected failure out. */
export type Handler<M extends MethodName> = (params: ValidParamsOf<M>) => Promise<Result<ValueOf<M>>>;
export type ConsoleHandlers = { [M in MethodName]: Handler<M> };

/**
 * The one place a transport turns a (name, raw argument) pair from outside into a call: unknown names and
 * arguments that fail the contract's schema are refused with an error and never reach the core.
 */
export async function dispatch(handlers: ConsoleHandlers, name: unknown, raw: unknown): Promise<Result<unknown>> {
  if (!isMethodName(name)) return fail('invalid-request', `unknown method ${JSON.stringify(name)}`);
  const parsed = CONSOLE_METHODS[name].params.safeParse(raw ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'argument'}: ${i.message}`).join('; ');
    return fail('invalid-request', `${name}: ${problems}`);
  }
  const handler = handlers[name] as (p: unknown) => Promise<Result<unknown>>;
  try {
    return await handler(parsed.data);
  } catch (err) {
    return fail('internal', `${name} failed: ${(err as Error).message}`);
  }
}

function wrapped<M extends MethodName>(handler: Handler<M>, before: () => void): Handler<M> {
  return (params) => {
    before();
    return handler(params);
  };
}

/** The same handlers, each calling `before` first (each keeps its own parameter and result types). */
export function callingFirst(before: () => void, handlers: ConsoleHandlers): ConsoleHandlers {
  const out: ConsoleHandlers = { ...handlers };
  const wrap = <M extends MethodName>(name: M) => {
    // TypeScript cannot correlate out[name] with handlers[name] for a generic key (microsoft/TypeScript#30581):
    // viewing `out` as a record of this one method is exact, not a loss of type.
    (out as Record<M, Handler<M>>)[name] = wrapped(handlers[name], before);
  };
  METHOD_NAMES.forEach(wrap);
  return out;
}
