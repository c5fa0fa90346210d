import { z } from 'zod';
import { CodedTextSchema } from './coded-text';

/** Where a setting's value came from, lowest precedence first (a key locked by IT overrides all). */
export const SettingSourceSchema = z.enum(['default', 'machine', 'user', 'file', 'flag']);
export type SettingSource = z.infer<typeof SettingSourceSchema>;

export const SettingKindSchema = z.enum(['string', 'number', 'boolean', 'enum', 'list', 'value']);
export type SettingKind = z.infer<typeof SettingKindSchema>;

export const SettingEntrySchema = z.object({
  /** Dotted path in the config file, e.g. `webhook.port`. */
  key: z.string(),
  kind: SettingKindSchema,
  options: z.array(z.string()).optional(),
  secret: z.boolean(),
  /** The value in effect, for display: secrets masked, lists as JSON text, null when not set. */
  value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
  source: SettingSourceSchema,
  /** Locked by the machine-wide file: read-only here, and no other layer can change it. */
  locked: z.boolean(),
  /** The settings screen can change it (scalar, not locked). */
  editable: z.boolean(),
  /** The per-user file holds a value for it (which a higher layer may override). */
  userSet: z.boolean(),
  /** The files now say something else than the running console uses: a restart applies it. */
  restartNeeded: z.boolean(),
  /** What the core wants said beside the key (the shared supervisor PIN giving way to supervisors' own). */
  note: z.string().optional(),
  /** The note as a catalog code, for the reader's language (`note` is its English text). */
  noteText: CodedTextSchema.optional(),
});
export type SettingEntry = z.infer<typeof SettingEntrySchema>;

/** Something wrong in a config file or the command line: the console started anyway, without it. */
export const ConfigProblemSchema = z.object({
  /** The file's path, or `command line`. */
  where: z.string(),
  key: z.string().optional(),
  message: z.string(),
});
export type ConfigProblem = z.infer<typeof ConfigProblemSchema>;

export const SettingsViewSchema = z.object({
  entries: z.array(SettingEntrySchema),
  problems: z.array(ConfigProblemSchema),
  files: z.object({ machine: z.string(), user: z.string(), config: z.string().optional() }),
  /** `keychain`: secrets the settings screen saves are encrypted by the OS; `plain`: stored as written. */
  secrets: z.enum(['keychain', 'plain']),
});
export type SettingsView = z.infer<typeof SettingsViewSchema>;

const SettingKeySchema = z.string().min(1).max(200);

/** The settings methods of the ConsoleApi; edits go to the per-user config file. */
export const SETTINGS_METHODS = {
  getSettings: { params: z.object({}).strict(), result: SettingsViewSchema },
  setSetting: {
    params: z
      .object({ key: SettingKeySchema, value: z.union([z.string().max(10_000), z.number(), z.boolean()]) })
      .strict(),
    result: SettingsViewSchema,
  },
  /** Removes the per-user value: the key falls back to the layers below. */
  resetSetting: { params: z.object({ key: SettingKeySchema }).strict(), result: SettingsViewSchema },
} as const;

export const SettingsEventSchema = z.object({ type: z.literal('settings'), settings: SettingsViewSchema });
