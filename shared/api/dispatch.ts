import { CONSOLE_METHODS, isMethodName, type MethodName, type ValidParamsOf, type ValueOf } from './contract';
import { fail, type Result } from './result';

export type ConsoleHandlers = { [M in MethodName]: (params: ValidParamsOf<M>) => Promise<Result<ValueOf<M>>> };

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
