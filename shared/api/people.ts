import { z } from 'zod';
import { LanguageSchema } from '../i18n/languages';

/**
 * Named people at the station (issue 13). This file is the contract the core, the transports and the UI share:
 * roles, what the UI may show of accounts and of the session, and the methods that sign people in and manage them.
 * The permission matrix (which role may call which ConsoleApi method) lives beside it in `permissions.ts`.
 */

export const RoleSchema = z.enum(['operator', 'supervisor', 'it']);
export type Role = z.infer<typeof RoleSchema>;

/** A person as the core names them on every call and in the audit. */
export const PersonSchema = z.object({
  accountId: z.number().int().positive(),
  name: z.string(),
  role: RoleSchema,
});
export type Person = z.infer<typeof PersonSchema>;

/** How a person says who they are: tap their name (account id) or scan their badge, then a PIN or password. */
export const CredentialSchema = z
  .object({
    accountId: z.number().int().positive().optional(),
    badge: z.string().min(1).max(200).optional(),
    pin: z.string().min(1).max(200),
  })
  .strict()
  .refine((c) => (c.accountId === undefined) !== (c.badge === undefined), { message: 'give either accountId or badge' });
export type Credential = z.infer<typeof CredentialSchema>;

export const AccountViewSchema = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  role: RoleSchema,
  /** `file`: provisioned by IT in the machine-wide file, read-only here. */
  source: z.enum(['console', 'file']),
  hasBadge: z.boolean(),
  disabled: z.boolean(),
  /** Locked after repeated wrong PINs until this time (ISO); never for good. */
  lockedUntil: z.string().optional(),
  mustChangePin: z.boolean(),
  /** The person's own language; absent: the station's. */
  language: LanguageSchema.optional(),
});
export type AccountView = z.infer<typeof AccountViewSchema>;

/** What this connection's UI is: who is signed in here, and what the station requires. Per connection, never broadcast. */
export const SessionViewSchema = z.object({
  station: z.string(),
  /** The operating-system user: who actions are recorded as on an open station. */
  osUser: z.string(),
  /** No account exists and sign-in is not required: actions are recorded as the OS user. */
  openStation: z.boolean(),
  /** Training mode never asks anyone to sign in. */
  training: z.boolean(),
  /** Accounts exist (or `auth.required`), and nobody is signed in here: the console is read-only until someone is. */
  signInRequired: z.boolean(),
  /** This page may create the first IT account (no account yet, and on serve mode the loopback page only). */
  canCreateFirstAccount: z.boolean(),
  person: PersonSchema.optional(),
  /** The signed-in person must choose a new PIN before anything else. */
  mustChangePin: z.boolean(),
  idleMinutes: z.number(),
  /** Names to tap on the sign-in screen (enabled accounts only). */
  signInNames: z.array(z.object({ accountId: z.number().int().positive(), name: z.string(), role: RoleSchema })),
  /** The language this page shows: the signed-in person's own, else the station's (`language` setting). */
  language: LanguageSchema,
  /** The station's language, which a person without a language of their own reads. */
  stationLanguage: LanguageSchema,
  /** The signed-in person's own choice; absent: they read the station's. */
  ownLanguage: LanguageSchema.optional(),
});
export type SessionView = z.infer<typeof SessionViewSchema>;

const NameSchema = z.string().trim().min(1).max(100);
const SecretSchema = z.string().min(1).max(200);

export const PEOPLE_METHODS = {
  /**
   * This connection's session. Also tells the core someone is at the station: the UI calls it when it sees input
   * (at most about once a minute), since the reads it makes on its own when something changes (get*, list*) do not
   * keep a person signed in, and actions do.
   */
  getSession: { params: z.object({}).strict(), result: SessionViewSchema },
  signIn: { params: CredentialSchema, result: SessionViewSchema },
  signOut: { params: z.object({}).strict(), result: SessionViewSchema },
  /** The station's UI saw no input for `auth.idleMinutes`: the session ends (the core also ends it on its own clock). */
  lockStation: { params: z.object({}).strict(), result: SessionViewSchema },
  changeOwnPin: { params: z.object({ current: SecretSchema, next: SecretSchema }).strict(), result: SessionViewSchema },
  /** The signed-in person's own language (null: the station's), kept on their account for every station. */
  setOwnLanguage: { params: z.object({ language: LanguageSchema.nullable() }).strict(), result: SessionViewSchema },
  /** Bootstrap: the first account, always IT; only while no account exists. */
  createFirstAccount: {
    params: z.object({ name: NameSchema, pin: SecretSchema, badge: z.string().min(1).max(200).optional() }).strict(),
    result: SessionViewSchema,
  },
  listAccounts: { params: z.object({}).strict(), result: z.array(AccountViewSchema) },
  createAccount: {
    params: z
      .object({ name: NameSchema, role: RoleSchema, pin: SecretSchema, badge: z.string().min(1).max(200).optional(), mustChangePin: z.boolean().default(true) })
      .strict(),
    result: AccountViewSchema,
  },
  updateAccount: {
    params: z
      .object({
        id: z.number().int().positive(),
        role: RoleSchema.optional(),
        disabled: z.boolean().optional(),
        badge: z.string().max(200).nullable().optional(),
        /** null: the person reads the station's language. */
        language: LanguageSchema.nullable().optional(),
      })
      .strict(),
    result: AccountViewSchema,
  },
  resetPin: {
    params: z.object({ id: z.number().int().positive(), pin: SecretSchema, mustChangePin: z.boolean().default(true) }).strict(),
    result: AccountViewSchema,
  },
  clearLock: { params: z.object({ id: z.number().int().positive() }).strict(), result: AccountViewSchema },
} as const;

/** Pushed to one connection only: its own session changed (signed in, out, locked by idle, PIN changed). */
export const SessionEventSchema = z.object({ type: z.literal('session'), session: SessionViewSchema });
