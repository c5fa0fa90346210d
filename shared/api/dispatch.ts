import { CONSOLE_METHODS, isMethodName, METHOD_NAMES, type MethodName, type ValidParamsOf, type ValueOf } from './contract';
import { fail, type Result } from './result';

/**
 * The core's handler of one method: a valid argument in, a value or an expected failure out. `caller` is who calls,
 * as the transport knows them (the core's `Caller`: the session, the person signed in there): attached by the
 * transport, never read from the argument the page sends. shared/ knows nothing of the core, hence the parameter;
 * a handler that does not look at the caller fits every `C`.
 */
export type Handler<M extends MethodName, C = unknown> = (params: ValidParamsOf<M>, caller: C) => Promise<Result<ValueOf<M>>>;
export type ConsoleHandlers<C = unknown> = { [M in MethodName]: Handler<M, C> };

/**
 * The one place a transport turns a (name, raw argument) pair from outside into a call: unknown names and
 * arguments that fail the contract's schema are refused with an error and never reach the core.
 */
export async function dispatch<C>(handlers: ConsoleHandlers<C>, name: unknown, raw: unknown, caller: C): Promise<Result<unknown>> {
  if (!isMethodName(name)) return fail('invalid-request', `unknown method ${JSON.stringify(name)}`);
  const parsed = CONSOLE_METHODS[name].params.safeParse(raw ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'argument'}: ${i.message}`).join('; ');
    return fail('invalid-request', `${name}: ${problems}`);
  }
  const handler = handlers[name] as (p: unknown, c: C) => Promise<Result<unknown>>;
  try {
    return await handler(parsed.data, caller);
  } catch (err) {
    return fail('internal', `${name} failed: ${(err as Error).message}`);
  }
}

function wrapped<M extends MethodName, C>(handler: Handler<M, C>, before: () => void): Handler<M, C> {
  return (params, caller) => {
    before();
    return handler(params, caller);
  };
}

/** The same handlers, each calling `before` first (each keeps its own parameter and result types). */
export function callingFirst<C>(before: () => void, handlers: ConsoleHandlers<C>): ConsoleHandlers<C> {
  const out: ConsoleHandlers<C> = { ...handlers };
  const wrap = <M extends MethodName>(name: M) => {
    // TypeScript cannot correlate out[name] with handlers[name] for a generic key (microsoft/TypeScript#30581):
    // viewing `out` as a record of this one method is exact, not a loss of type.
    (out as Record<M, Handler<M, C>>)[name] = wrapped(handlers[name], before);
  };
  METHOD_NAMES.forEach(wrap);
  return out;
}
