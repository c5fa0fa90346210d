import { coded, type StoredText } from '../i18n/stored-text';
import type { CodedText } from './coded-text';
import type { MethodName, ParamsOf } from './contract';
import type { Role } from './people';
import type { Role as CommandRole } from './views';

/**
 * Who may call which ConsoleApi method (issue 13). The core refuses by this table on every call (electron/core/people/
 * guard.ts); the UI reads the same table to hide what the signed-in person may not do. A `Record` over every method:
 * a method added to the contract without its row does not compile.
 *
 * - `allowed`: the role may.
 * - `step-up`: the role may only with a supervisor's name or badge and PIN given at this station (the `supervisor`
 *   argument): recorded as that supervisor, the signed-in person staying signed in.
 * - `refused`: the role may not.
 *
 * An open station (no account yet) and training mode ask nobody: everything is allowed there, as before accounts.
 */
export type Permission = 'allowed' | 'step-up' | 'refused';

/** What the core knows beyond the argument: the role recorded with the command that Send again would repeat. */
export interface PermissionFacts {
  originalRole?: CommandRole | undefined;
}

interface Row<M extends MethodName> {
  /**
   * What the person wanted, for a refusal: its text in the catalog is `permissions:what.<method>`, or the key this
   * answers where the argument tells ("decideFaulted": Reject).
   */
  what?: (params: ParamsOf<M>, facts: PermissionFacts) => string;
  /** Whether a station where nobody is signed in (locked, signed out) may call it: reads, sign-in, the local sound. */
  signedOut: boolean;
  /** Per role, for the usual argument. */
  roles: Record<Role, Permission>;
  /** Where the argument decides (a rejection destroys a card, an approval does not). */
  refine?: (role: Role, params: ParamsOf<M>, facts: PermissionFacts) => Permission;
  /** For the README table, where `roles` alone would mislead. */
  note?: string;
}

const ALL: Record<Role, Permission> = { operator: 'allowed', supervisor: 'allowed', it: 'allowed' };
const ISSUANCE: Record<Role, Permission> = { operator: 'allowed', supervisor: 'allowed', it: 'refused' };
const DESTROYS: Record<Role, Permission> = { operator: 'step-up', supervisor: 'allowed', it: 'refused' };
const SUPERVISION: Record<Role, Permission> = { operator: 'refused', supervisor: 'allowed', it: 'allowed' };
const IT_ONLY: Record<Role, Permission> = { operator: 'refused', supervisor: 'refused', it: 'allowed' };
const SUPERVISOR_ONLY: Record<Role, Permission> = { operator: 'refused', supervisor: 'allowed', it: 'refused' };
/** A supervisor's call at the floor (shelving an alert): an operator only with a supervisor's step-up; IT is not on the floor. */
const FLOOR_SUPERVISOR: Record<Role, Permission> = { operator: 'step-up', supervisor: 'allowed', it: 'refused' };

const read = (): Row<MethodName> => ({ signedOut: true, roles: ALL });
/** Signing in and out, and the session's own view: open to anyone, the handler checks what it needs (a PIN). */
const session = read;
const accounts = (): Row<MethodName> => ({ signedOut: false, roles: IT_ONLY });

export const PERMISSIONS: { [M in MethodName]: Row<M> } = {
  getSnapshot: read(),
  listJobs: read(),
  getJobDetail: read(),
  listReviews: read(),
  listReviewInspections: read(),
  listAlertHistory: read(),
  alarmKpis: read(),
  listAudit: read(),
  exportAudit: read(),
  listAuditEvents: read(),
  exportAuditEvents: read(),
  listPinRefusals: read(),
  listDeliveries: read(),
  getDelivery: read(),
  getFeeds: read(),
  fetchVerificationDetails: read(),
  getSettings: read(),
  listActivity: read(),
  listVerifications: read(),
  getStorage: read(),
  getBackupStatus: read(),
  productionSummary: read(),
  productionDowntime: read(),
  productionSeries: read(),
  listShiftReports: read(),
  shiftReport: read(),
  exportShiftReport: read(),
  saveShiftReportPdf: read(),
  saveHandOverNote: { signedOut: false, roles: SUPERVISOR_ONLY },
  signOffShift: { signedOut: false, roles: SUPERVISOR_ONLY, note: 'The report is frozen from then on.' },
  backUpNow: { signedOut: false, roles: IT_ONLY },
  machineSessions: read(),
  reviewSnapshot: {
    signedOut: false,
    roles: ISSUANCE,
    note: 'A picture of a card is personal data: those who decide reads, not IT.',
  },

  resume: { signedOut: false, roles: ISSUANCE },
  stop: { signedOut: false, roles: ALL, note: 'Stopping is always safe: anyone signed in may.' },
  startIssuance: { signedOut: false, roles: ISSUANCE },
  abort: { signedOut: false, roles: DESTROYS, note: 'Running cards are rejected.' },
  decide: {
    what: (p) => `decide${p.outcome}`,
    signedOut: false,
    roles: DESTROYS,
    refine: (role, p) => (p.outcome === 'Completed' ? ISSUANCE[role] : DESTROYS[role]),
    note: 'Approve / Encoded: operators may. Reject / Failed / Canceled destroy the card: a supervisor, or step-up.',
  },
  retryCommand: {
    what: (_p, facts) => (facts.originalRole === 'supervisor' ? 'retryCommandSupervisor' : 'retryCommand'),
    signedOut: false,
    roles: ISSUANCE,
    refine: (role, _p, facts) => (facts.originalRole === 'supervisor' ? DESTROYS[role] : ISSUANCE[role]),
    note: "Needs the role of the original decision: a supervisor's one needs a supervisor, or step-up.",
  },
  acknowledgeAlert: { signedOut: false, roles: ALL },
  acknowledgeFeedAlert: { signedOut: false, roles: ALL },
  shelveAlert: {
    signedOut: false,
    roles: FLOOR_SUPERVISOR,
    note: 'Notices only: suspensions and error stops cannot be shelved. On an open station: the supervisor PIN, when one is set.',
  },
  unshelveAlert: { signedOut: false, roles: FLOOR_SUPERVISOR, note: 'On an open station: the supervisor PIN, when one is set.' },
  testAlarm: { signedOut: false, roles: ALL, note: 'At the start of a shift: audited.' },
  silenceReminder: { signedOut: true, roles: ALL, note: 'Anyone, even signed out: the local sound only.' },
  setVerificationAlertRules: { signedOut: false, roles: SUPERVISION },
  trainingAction: { signedOut: false, roles: ALL, note: 'Training mode only, where nobody signs in.' },

  setSetting: { signedOut: false, roles: IT_ONLY, note: 'Machines, the listener, review thresholds, accounts policy.' },
  resetSetting: { signedOut: false, roles: IT_ONLY },

  getSession: session(),
  signIn: session(),
  signOut: session(),
  lockStation: session(),
  changeOwnPin: session(),
  setOwnLanguage: session(),
  createFirstAccount: { ...session(), note: 'Only while no account exists.' },
  listAccounts: accounts(),
  createAccount: accounts(),
  updateAccount: accounts(),
  resetPin: accounts(),
  clearLock: accounts(),
};

/** A row with its argument's type forgotten: what the lookups below see of any method's row. */
interface AnyRow {
  what?: (params: unknown, facts: PermissionFacts) => string;
  signedOut: boolean;
  roles: Record<Role, Permission>;
  refine?: (role: Role, params: unknown, facts: PermissionFacts) => Permission;
  note?: string;
}

/** Each row's functions read the argument of its own method, and are only ever called with it (the calls below). */
const rowOf = (method: MethodName): AnyRow => PERMISSIONS[method] as unknown as AnyRow;

/**
 * What `role` may do with this call. Pure: the UI hides by it, the core refuses by it. `params` is the call's
 * argument (of `method`: the UI's or the validated one).
 */
export function permissionFor(method: MethodName, role: Role, params: object, facts: PermissionFacts = {}): Permission {
  const row = rowOf(method);
  return row.refine ? row.refine(role, params, facts) : row.roles[role];
}

/** Whether a station where nobody is signed in may make this call. */
export function allowedSignedOut(method: MethodName): boolean {
  return rowOf(method).signedOut;
}

/** What the person wanted, as the catalog words it: "Reject", "Change settings". */
export function whatOf(method: MethodName, params: object, facts: PermissionFacts = {}): CodedText {
  const { what } = rowOf(method);
  return { code: `permissions:what.${what ? what(params, facts) : method}` };
}

/** For the README table: every method, its row. */
export function permissionRows(): { method: MethodName; signedOut: boolean; roles: Record<Role, Permission>; note?: string }[] {
  return (Object.keys(PERMISSIONS) as MethodName[]).map((method) => {
    const { signedOut, roles, note } = rowOf(method);
    return { method, signedOut, roles, ...(note ? { note } : {}) };
  });
}

/** The roles that may, as a catalog key: "supervisor-it" (a supervisor or IT), "nobody". */
function whoMay(method: MethodName, params: object, facts: PermissionFacts): string {
  const roles = (['operator', 'supervisor', 'it'] as const).filter((r) => permissionFor(method, r, params, facts) === 'allowed');
  return roles.join('-') || 'nobody';
}

/**
 * Why the call is refused, in words a person at the station can act on (coded for their language, with its English
 * text); undefined when it is not (`allowed`, or `step-up` with a supervisor's credential given: the core then checks
 * the credential).
 */
export function refusalReason(
  method: MethodName,
  role: Role | undefined,
  params: object,
  facts: PermissionFacts = {},
  steppedUp = false,
): StoredText | undefined {
  const what = whatOf(method, params, facts);
  if (role === undefined) return allowedSignedOut(method) ? undefined : coded('permissions:signInTo', { what });
  const permission = permissionFor(method, role, params, facts);
  if (permission === 'allowed' || (permission === 'step-up' && steppedUp)) return undefined;
  if (permission === 'step-up') return coded('permissions:stepUp', { what });
  return coded('permissions:needs', { what, who: { code: `permissions:who.${whoMay(method, params, facts)}` }, as: { code: `permissions:as.${role}` } });
}
