import { z } from 'zod';
import { AlertRulesSchema, DEFAULT_ALERT_RULES, type AlertRules } from '../../../shared/idv/alert-rules';

/** Config-file sections of the two webhook sources beside AIDA, and of the listener's TLS. */

export const RapidadminConfigSchema = z
  .object({
    /** RapIDadmin's Signing Secret: when set, every delivery must carry a matching x-signature (HMAC-SHA256). */
    signingSecret: z.string().min(1).optional(),
    /** During a changeover, the secret being replaced: a signature by either is accepted until this is removed. */
    previousSigningSecret: z.string().min(1).optional(),
    /**
     * Without a signing secret deliveries are refused (401), since nothing tells RapIDadmin's from a forger's; `true`
     * accepts them unsigned. Training mode accepts them from this computer only.
     */
    allowUnsigned: z.boolean().optional(),
    /** Dotted key path of a print job's identity in its (undocumented) payload; default PersonId + CardTemplateId. */
    printJobKey: z.string().min(1).max(200).optional(),
  })
  .strict();

const HeaderName = z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, 'an HTTP header name');

export const IdvConfigSchema = z
  .object({
    auth: z
      .object({
        /** The vendor's API-key option: `header: value`, or (no header named) the value alone in Authorization. */
        apiKey: z.object({ header: HeaderName.optional(), value: z.string().min(1) }).strict().optional(),
        basic: z.object({ username: z.string().min(1), password: z.string().min(1) }).strict().optional(),
      })
      .strict()
      .optional(),
    /**
     * Without `auth` deliveries are refused (401); `true` accepts them unauthenticated. Training mode accepts them
     * from this computer only.
     */
    allowUnauthenticated: z.boolean().optional(),
    /** The initial alert rules; the console can change them at run time. Default: invalid_identity and expired. */
    alertOn: AlertRulesSchema.optional(),
    getProcess: z
      .object({
        /** e.g. `https://idv.example/processes/{processId}`; `{processId}` is replaced, URL-encoded. */
        urlTemplate: z.url({ protocol: /^https?$/ }).refine((u) => u.includes('{processId}'), {
          message: 'must contain {processId}',
        }),
        authHeader: z.object({ name: HeaderName, value: z.string().min(1) }).strict().optional(),
        timeoutMs: z.number().int().min(100).max(60_000).optional(),
      })
      .strict()
      .optional(),
    /** An AdditionalMetadata key of AIDA jobs that carries the verification's processId (CorrelationId always does). */
    linkMetadataKey: z.string().min(1).max(200).optional(),
  })
  .strict();

export const TlsConfigSchema = z
  .object({
    certFile: z.string().min(1),
    keyFile: z.string().min(1),
    /** HTTPS port beside the plain listener; 0 = any free port. */
    port: z.number().int().min(0).max(65535).optional(),
  })
  .strict();

export const DEFAULT_TLS_PORT = 4443;
export const DEFAULT_GET_PROCESS_TIMEOUT_MS = 10_000;

export interface RapidadminSettings {
  signingSecret?: string | undefined;
  previousSigningSecret?: string | undefined;
  allowUnsigned?: boolean | undefined;
  printJobKey?: string | undefined;
}

export interface IdvSettings {
  apiKey?: { header?: string | undefined; value: string };
  basic?: { username: string; password: string };
  allowUnauthenticated?: boolean;
  alertOn: AlertRules;
  getProcess?: { urlTemplate: string; authHeader?: { name: string; value: string }; timeoutMs: number };
  linkMetadataKey?: string;
}

export interface TlsSettings {
  certFile: string;
  keyFile: string;
  port: number;
}

type Sections = {
  rapidadmin?: z.infer<typeof RapidadminConfigSchema> | undefined;
  idv?: z.infer<typeof IdvConfigSchema> | undefined;
  webhook?: { tls?: z.infer<typeof TlsConfigSchema> | undefined } | undefined;
};

/** The sources' effective settings from the file's sections, with their defaults. */
export function resolveSources(file: Sections): { rapidadmin: RapidadminSettings; idv: IdvSettings; webhookTls?: TlsSettings } {
  const idv = file.idv ?? {};
  const getProcess = idv.getProcess
    ? {
        urlTemplate: idv.getProcess.urlTemplate,
        ...(idv.getProcess.authHeader ? { authHeader: idv.getProcess.authHeader } : {}),
        timeoutMs: idv.getProcess.timeoutMs ?? DEFAULT_GET_PROCESS_TIMEOUT_MS,
      }
    : undefined;
  const tls = file.webhook?.tls;
  return {
    rapidadmin: { ...file.rapidadmin },
    idv: {
      ...(idv.auth?.apiKey ? { apiKey: idv.auth.apiKey } : {}),
      ...(idv.auth?.basic ? { basic: idv.auth.basic } : {}),
      ...(idv.allowUnauthenticated !== undefined ? { allowUnauthenticated: idv.allowUnauthenticated } : {}),
      alertOn: idv.alertOn ?? DEFAULT_ALERT_RULES,
      ...(getProcess ? { getProcess } : {}),
      ...(idv.linkMetadataKey ? { linkMetadataKey: idv.linkMetadataKey } : {}),
    },
    ...(tls ? { webhookTls: { certFile: tls.certFile, keyFile: tls.keyFile, port: tls.port ?? DEFAULT_TLS_PORT } } : {}),
  };
}
