import type { MethodName, ParamsOf } from '../../../shared/api/contract';
import type { AccountView, Credential, SessionView } from '../../../shared/api/people';
import type { Language } from '../../../shared/i18n/languages';
import { translator } from '../../../shared/i18n/translate';
import { permissionFor, type PermissionFacts } from '../../../shared/api/permissions';
import { actionKey, runAction } from './actions';
import type { ConsoleState, SliceCreator } from './types';

/**
 * Named people at this station (issue 13): who is signed in here, as the core says (a per-connection `session`
 * event), and IT's list of accounts. The core decides who may do what; this slice only holds its answers.
 */
export interface PeopleSlice {
  /** This connection's session; undefined until the core answered (a console without accounts acts as before). */
  auth: SessionView | undefined;
  /** The sign-in screen is up (pressed "Sign in"). */
  signInOpen: boolean;
  /** IT's list of accounts, read when the People screen opens. */
  accounts: AccountView[];
  accountsError: string | undefined;
  loadAuth(): Promise<void>;
  receiveAuth(session: SessionView): void;
  openSignIn(open: boolean): void;
  /** Each resolves to whether the core took it; a refusal (wrong PIN, locked) is posted to the one error path. */
  signIn(credential: Credential): Promise<boolean>;
  signOut(): Promise<boolean>;
  /** No input for `idleMinutes`: the station locks (the core's own clock ends the session too). */
  lockStation(): Promise<void>;
  changeOwnPin(current: string, next: string): Promise<boolean>;
  /** The signed-in person's own language; null: the station's. */
  setOwnLanguage(language: Language | null): Promise<boolean>;
  createFirstAccount(params: ParamsOf<'createFirstAccount'>): Promise<boolean>;
  loadAccounts(): Promise<void>;
  createAccount(params: ParamsOf<'createAccount'>): Promise<boolean>;
  updateAccount(params: ParamsOf<'updateAccount'>, what: string): Promise<boolean>;
  resetPin(params: ParamsOf<'resetPin'>): Promise<boolean>;
  clearLock(id: number): Promise<boolean>;
}

export const createPeopleSlice: SliceCreator<PeopleSlice> = (set, get, client) => {
  /** An action's name in the page's language, as the failure band shows it. */
  const say = (key: string, params?: Record<string, unknown>) => translator(get().language)(key, params);
  const took = (result: { ok: boolean } | undefined) => result?.ok === true;
  const session = (what: Parameters<typeof actionKey.session>[0], label: string) => ({ key: actionKey.session(what), label });
  const signedIn = (s: SessionView) => {
    set({ auth: s, signInOpen: s.signInRequired && get().signInOpen });
    // The core decides the page's language (the person's own, else the station's) and sends it with the session.
    get().setLanguage(s.language);
    // IT's screen goes with IT: whoever comes next starts where everyone does. So does IT's list of accounts, which
    // the next person may not read (and would be refused, audited, on reading it again).
    if (s.person?.role !== 'it') {
      if (get().view === 'people') get().showView('operate');
      if (get().accounts.length > 0) set({ accounts: [], accountsError: undefined });
    }
  };
  const accountName = (id: number) => get().accounts.find((a) => a.id === id)?.name ?? say('actions:accountNumber', { id });
  const replaced = (account: AccountView) =>
    set((s) => ({
      accounts: s.accounts.some((a) => a.id === account.id) ? s.accounts.map((a) => (a.id === account.id ? account : a)) : [...s.accounts, account],
    }));

  return {
    auth: undefined,
    signInOpen: false,
    accounts: [],
    accountsError: undefined,
    async loadAuth() {
      const result = await client.getSession({});
      if (result.ok) signedIn(result.value);
    },
    receiveAuth(s) {
      signedIn(s);
    },
    openSignIn(open) {
      set({ signInOpen: open });
    },
    signIn: async (credential) => took(await runAction(set, get, session('sign-in', say('actions:signIn')), () => client.signIn(credential), signedIn)),
    signOut: async () => took(await runAction(set, get, session('sign-out', say('actions:signOut')), () => client.signOut({}), signedIn)),
    async lockStation() {
      const result = await client.lockStation({});
      if (result.ok) signedIn(result.value);
    },
    changeOwnPin: async (current, next) =>
      took(await runAction(set, get, session('change-pin', say('actions:changePin')), () => client.changeOwnPin({ current, next }), signedIn)),
    setOwnLanguage: async (language) => {
      const chosen = (s: SessionView) => {
        signedIn(s);
        // IT's list of accounts shows each person's language, their own included.
        if (get().accounts.length > 0) void get().loadAccounts();
      };
      return took(await runAction(set, get, session('language', say('actions:chooseLanguage')), () => client.setOwnLanguage({ language }), chosen));
    },
    createFirstAccount: async (params) =>
      took(await runAction(set, get, session('first-account', say('actions:firstAccount')), () => client.createFirstAccount(params), signedIn)),
    async loadAccounts() {
      const result = await client.listAccounts({});
      set(result.ok ? { accounts: result.value, accountsError: undefined } : { accountsError: result.error.message });
    },
    createAccount: async (params) =>
      took(await runAction(set, get, { key: actionKey.account('new'), label: say('actions:createAccount', { name: params.name }) }, () => client.createAccount(params), replaced)),
    updateAccount: async (params, what) =>
      took(await runAction(set, get, { key: actionKey.account(params.id), label: say('actions:onAccount', { what, name: accountName(params.id) }) }, () => client.updateAccount(params), replaced)),
    resetPin: async (params) =>
      took(await runAction(set, get, { key: actionKey.account(params.id), label: say('actions:resetPin', { name: accountName(params.id) }) }, () => client.resetPin(params), replaced)),
    clearLock: async (id) =>
      took(await runAction(set, get, { key: actionKey.account(id), label: say('actions:clearLock', { name: accountName(id) }) }, () => client.clearLock({ id }), replaced)),
  };
};

/**
 * What this station's UI offers for a method: `allowed`, `step-up` (a supervisor approves in the dialog), `refused`
 * (hidden: the role may not), or `sign-in` (nobody is signed in where sign-in is required: shown, read-only). Without
 * a session from the core, or on an open station or in training, everything is offered as before: the core decides.
 */
export type Offer = 'allowed' | 'step-up' | 'refused' | 'sign-in';

export const selectOffer =
  <M extends MethodName>(method: M, params: ParamsOf<M>, facts?: PermissionFacts) =>
  (s: ConsoleState): Offer => {
    const auth = s.auth;
    if (!auth || auth.training || auth.openStation) return 'allowed';
    if (!auth.person) return auth.signInRequired ? 'sign-in' : 'allowed';
    return permissionFor(method, auth.person.role, params, facts);
  };

/** Nobody is signed in where sign-in is required: the console shows, and acts on nothing. */
export const selectReadOnly = (s: ConsoleState): boolean => s.auth !== undefined && !s.auth.training && s.auth.signInRequired && !s.auth.person;

/** The supervisors a step-up may name: tapped from the sign-in names. */
export const selectSupervisorNames = (s: ConsoleState): SessionView['signInNames'] => s.auth?.signInNames.filter((n) => n.role === 'supervisor') ?? [];
