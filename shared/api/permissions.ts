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
  /** What the person wanted, in words, for a refusal: "Reject", "Change settings". */
  what: string | ((params: ParamsOf<M>, facts: PermissionFacts) => string);
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

const read = (what: string): Row<MethodName> => ({ what, signedOut: true, roles: ALL });
/** Signing in and out, and the session's own view: open to anyone, the handler checks what it needs (a PIN). */
const session = read;
const accounts = (what: string): Row<MethodName> => ({ what, signedOut: false, roles: IT_ONLY });

const OUTCOME_WHAT = { Completed: 'Approve', Faulted: 'Reject', Canceled: 'Cancel' } as const;

export const PERMISSIONS: { [M in MethodName]: Row<M> } = {
  getSnapshot: read('See the console'),
  listJobs: read('See the job queue'),
  getJobDetail: read("See a job's messages"),
  listReviews: read('See the reviews'),
  listReviewInspections: read("See a read's inspections"),
  listAlertHistory: read('See the alert history'),
  alarmKpis: read('See the alarm figures'),
  listAudit: read('See the audit trail'),
  exportAudit: read('Export the audit trail'),
  listAuditEvents: read('See the audit trail'),
  exportAuditEvents: read('Export the audit trail'),
  listPinRefusals: read('See refused PINs'),
  listDeliveries: read('See refused deliveries'),
  getDelivery: read('See a delivery'),
  getFeeds: read('See RapIDadmin and verifications'),
  fetchVerificationDetails: read("Fetch a verification's details"),
  getSettings: read('See the settings'),
  listActivity: read('See RapIDadmin activity'),
  listVerifications: read('See verifications'),
  getStorage: read("See the store's size"),
  getBackupStatus: read('See the backups'),
  productionSummary: read('See production'),
  productionDowntime: read('See downtime'),
  productionSeries: read('See production'),
  listShiftReports: read('See the shift reports'),
  shiftReport: read('See a shift report'),
  exportShiftReport: read('Export a shift report'),
  saveShiftReportPdf: read('Save or print a shift report as PDF'),
  saveHandOverNote: { what: 'Write the hand-over note', signedOut: false, roles: SUPERVISOR_ONLY },
  signOffShift: { what: 'Sign off a shift', signedOut: false, roles: SUPERVISOR_ONLY, note: 'The report is frozen from then on.' },
  backUpNow: { what: 'Back up now', signedOut: false, roles: IT_ONLY },
  machineSessions: read("Compare production with the machine's own totals"),
  reviewSnapshot: {
    what: "Show the camera's picture of a card",
    signedOut: false,
    roles: ISSUANCE,
    note: 'A picture of a card is personal data: those who decide reads, not IT.',
  },

  resume: { what: 'Resume', signedOut: false, roles: ISSUANCE },
  stop: { what: 'Stop', signedOut: false, roles: ALL, note: 'Stopping is always safe: anyone signed in may.' },
  startIssuance: { what: 'Start issuance', signedOut: false, roles: ISSUANCE },
  abort: { what: 'Abort', signedOut: false, roles: DESTROYS, note: 'Running cards are rejected.' },
  decide: {
    what: (p) => OUTCOME_WHAT[p.outcome],
    signedOut: false,
    roles: DESTROYS,
    refine: (role, p) => (p.outcome === 'Completed' ? ISSUANCE[role] : DESTROYS[role]),
    note: 'Approve / Encoded: operators may. Reject / Failed / Canceled destroy the card: a supervisor, or step-up.',
  },
  retryCommand: {
    what: (_p, facts) => (facts.originalRole === 'supervisor' ? "Send again a supervisor's decision" : 'Send again'),
    signedOut: false,
    roles: ISSUANCE,
    refine: (role, _p, facts) => (facts.originalRole === 'supervisor' ? DESTROYS[role] : ISSUANCE[role]),
    note: "Needs the role of the original decision: a supervisor's one needs a supervisor, or step-up.",
  },
  acknowledgeAlert: { what: 'Acknowledge an alert', signedOut: false, roles: ALL },
  acknowledgeFeedAlert: { what: 'Acknowledge an alert', signedOut: false, roles: ALL },
  shelveAlert: {
    what: 'Shelve an alert',
    signedOut: false,
    roles: FLOOR_SUPERVISOR,
    note: 'Notices only: suspensions and error stops cannot be shelved. On an open station: the supervisor PIN, when one is set.',
  },
  unshelveAlert: { what: 'Unshelve an alert', signedOut: false, roles: FLOOR_SUPERVISOR, note: 'On an open station: the supervisor PIN, when one is set.' },
  testAlarm: { what: 'Test the alarm', signedOut: false, roles: ALL, note: 'At the start of a shift: audited.' },
  silenceReminder: { what: 'Silence the reminder', signedOut: true, roles: ALL, note: 'Anyone, even signed out: the local sound only.' },
  setVerificationAlertRules: { what: 'Change the verification alert rules', signedOut: false, roles: SUPERVISION },
  trainingAction: { what: 'Act at a simulated machine', signedOut: false, roles: ALL, note: 'Training mode only, where nobody signs in.' },

  setSetting: { what: 'Change settings', signedOut: false, roles: IT_ONLY, note: 'Machines, the listener, review thresholds, accounts policy.' },
  resetSetting: { what: 'Change settings', signedOut: false, roles: IT_ONLY },

  getSession: session('See who is signed in'),
  signIn: session('Sign in'),
  signOut: session('Sign out'),
  lockStation: session('Lock the station'),
  changeOwnPin: session('Change your PIN'),
  setOwnLanguage: session('Choose your language'),
  createFirstAccount: { ...session('Create the first IT account'), note: 'Only while no account exists.' },
  listAccounts: accounts('See the accounts'),
  createAccount: accounts('Create an account'),
  updateAccount: accounts('Change an account'),
  resetPin: accounts("Reset someone's PIN"),
  clearLock: accounts('Clear a locked account'),
};

/** A row with its argument's type forgotten: what the lookups below see of any method's row. */
interface AnyRow {
  what: string | ((params: unknown, facts: PermissionFacts) => string);
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

export function whatOf(method: MethodName, params: object, facts: PermissionFacts = {}): string {
  const { what } = rowOf(method);
  return typeof what === 'string' ? what : what(params, facts);
}

/** For the README table: every method, its row. */
export function permissionRows(): { method: MethodName; signedOut: boolean; roles: Record<Role, Permission>; note?: string }[] {
  return (Object.keys(PERMISSIONS) as MethodName[]).map((method) => {
    const { signedOut, roles, note } = rowOf(method);
    return { method, signedOut, roles, ...(note ? { note } : {}) };
  });
}

const ROLE_WORDS: Record<Role, string> = { operator: 'an operator', supervisor: 'a supervisor', it: 'IT' };

/** The roles that may, in words: "a supervisor or IT". */
function whoMay(method: MethodName, params: object, facts: PermissionFacts): string {
  const roles = (Object.keys(ROLE_WORDS) as Role[]).filter((r) => permissionFor(method, r, params, facts) === 'allowed');
  return roles.map((r) => ROLE_WORDS[r]).join(' or ') || 'nobody';
}

/**
 * Why the call is refused, in words a person at the station can act on; undefined when it is not (`allowed`, or
 * `step-up` with a supervisor's credential given: the core then checks the credential).
 */
export function refusalReason(
  method: MethodName,
  role: Role | undefined,
  params: object,
  facts: PermissionFacts = {},
  steppedUp = false,
): string | undefined {
  const what = whatOf(method, params, facts);
  if (role === undefined) {
    return allowedSignedOut(method) ? undefined : `Nobody is signed in at this station: sign in to ${lower(what)}.`;
  }
  const permission = permissionFor(method, role, params, facts);
  if (permission === 'allowed' || (permission === 'step-up' && steppedUp)) return undefined;
  if (permission === 'step-up') return `${what} needs a supervisor: ask one to approve here with their name or badge and PIN.`;
  return `${what} needs ${whoMay(method, params, facts)}: you are signed in as ${ROLE_WORDS[role]}.`;
}

const lower = (what: string) => what.charAt(0).toLowerCase() + what.slice(1);
