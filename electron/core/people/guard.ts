import type { ConsoleEvent, MethodName, ValidParamsOf } from '../../../shared/api/contract';
import { METHOD_NAMES } from '../../../shared/api/contract';
import type { Handler } from '../../../shared/api/dispatch';
import type { Credential, Person } from '../../../shared/api/people';
import { allowedSignedOut, permissionFor, refusalReason, whatOf, type PermissionFacts } from '../../../shared/api/permissions';
import type { Result } from '../../../shared/api/result';
import { asParam, coded, fromError, type StoredText } from '../../../shared/i18n/stored-text';
import type { AuditRepo } from '../store/audit-repo';
import type { CommandRepo } from '../store/command-repo';
import { stampOf, type ActingCaller } from './audit-stamp';
import type { Caller, CoreHandlers } from './caller';

export interface GuardDeps {
  audit: AuditRepo;
  commands: Pick<CommandRepo, 'find'>;
  /**
   * Checks a supervisor's name or badge and PIN given at someone else's session, with the sign-in's waits and locks,
   * audited as a step-up (People.stepUp); nobody is signed in or out.
   */
  verifyCredential: (caller: Caller, credential: Credential) => Promise<Result<Person>>;
  /**
   * Until the first supervisor account exists, a configured shared `review.supervisorPin` stands in for the step-up:
   * the call goes on and the PIN guard checks it, as before accounts.
   */
  sharedPinStandsIn: () => boolean;
  emit: (event: ConsoleEvent) => void;
  now: () => Date;
}

/** What a refusal's audit row says the call was about: a machine, a review, a command, a setting, an account. */
function subjectOf(params: Record<string, unknown>): string | undefined {
  for (const key of ['machineId', 'reviewId', 'commandId', 'alertId', 'id', 'key', 'processId'] as const) {
    const v = params[key];
    if (typeof v === 'string' || typeof v === 'number') return `${key} ${v}`;
  }
  return undefined;
}

/**
 * The core's one check of who may call what (issue 13), around every handler: the permission matrix
 * (shared/api/permissions.ts) for the person signed in at the caller's session, read-only for a station where nobody
 * is, everything for an open station and training mode. A refusal is a value with a reason a person can act on, and
 * is audited. A supervisor's step-up is checked here, and the call then runs as the supervisor.
 */
export class Guard {
  constructor(private readonly deps: GuardDeps) {}

  wrap(handlers: CoreHandlers): CoreHandlers {
    const out: CoreHandlers = { ...handlers };
    const wrap = <M extends MethodName>(name: M) => {
      // As in callingFirst (shared/api/dispatch.ts): TypeScript cannot correlate out[name] with handlers[name].
      (out as Record<M, Handler<M, Caller>>)[name] = this.guarded(name, handlers[name]);
    };
    METHOD_NAMES.forEach(wrap);
    return out;
  }

  private guarded<M extends MethodName>(method: M, handler: Handler<M, Caller>): Handler<M, Caller> {
    return async (params, caller) => {
      const decided = await this.decide(method, params, caller);
      if ('refused' in decided) return decided.refused;
      return handler(params, decided.caller);
    };
  }

  private async decide<M extends MethodName>(
    method: M,
    params: ValidParamsOf<M>,
    caller: Caller,
  ): Promise<{ caller: ActingCaller } | { refused: Result<never> }> {
    if (caller.open) return { caller };
    const person = caller.person;
    const facts = this.facts(method, params);
    const args = params as object;
    if (!person) {
      if (allowedSignedOut(method)) return { caller };
      return this.refuse(method, args, caller, refusalReason(method, undefined, args, facts));
    }
    const permission = permissionFor(method, person.role, args, facts);
    if (permission === 'allowed') return { caller };
    if (permission === 'refused') return this.refuse(method, args, caller, refusalReason(method, person.role, args, facts));
    const credential = (args as { supervisor?: Credential }).supervisor;
    if (!credential) {
      if (this.deps.sharedPinStandsIn()) return { caller };
      return this.refuse(method, args, caller, refusalReason(method, person.role, args, facts));
    }
    const verified = await this.deps.verifyCredential(caller, credential);
    if (!verified.ok) return this.refuse(method, args, caller, coded('permissions:stepUpRefused', { reason: asParam(fromError(verified.error)) }));
    const supervisor = verified.value;
    if (supervisor.role !== 'supervisor') {
      return this.refuse(method, args, caller, coded('permissions:notSupervisor', { what: whatOf(method, args, facts), name: supervisor.name }));
    }
    return { caller: { ...caller, person: supervisor, stepUpAt: person } };
  }

  /** Send again needs the role of the decision it repeats: the command's, as recorded. */
  private facts<M extends MethodName>(method: M, params: ValidParamsOf<M>): PermissionFacts {
    if (method !== 'retryCommand') return {};
    const { commandId } = params as ValidParamsOf<'retryCommand'>;
    const original = this.deps.commands.find(commandId);
    return original ? { originalRole: original.role } : {};
  }

  /** The refusal, coded for the caller's language, and its line in the audit for each reader's. */
  private refuse(method: MethodName, params: object, caller: Caller, reason: StoredText | undefined): { refused: Result<never> } {
    const said = reason ?? coded('permissions:notAllowedHere', { what: whatOf(method, params) });
    this.deps.audit.record({
      ...stampOf(caller),
      at: this.deps.now().toISOString(),
      kind: 'refused',
      method,
      subject: subjectOf(params as Record<string, unknown>),
      detail: said,
    });
    this.deps.emit({ type: 'audit' });
    return { refused: { ok: false, error: { code: 'not-allowed', message: said.text, ...(said.coded ? { text: said.coded } : {}) } } };
  }
}
