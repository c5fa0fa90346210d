import type { IncomingMessage } from 'node:http';
import type { IdvSettings } from '../config/sources';
import { parseJsonBody } from './body';
import { headerOf, type WebhookRoute } from './listener';
import { sameSecret, type Verdict } from './signature';

export const IDV_WEBHOOK_PATH = '/idv/webhooks';
export const IDV_SOURCE = 'idv';

/**
 * The vendor signs nothing; it authenticates itself to the receiver with an API-key header (a named header, or the
 * value alone in Authorization) or Basic credentials. When either is configured, a delivery must present one that
 * matches. Undefined: nothing configured, the endpoint is open (the settings screen says so).
 */
export function checkCredentials(settings: IdvSettings, req: Pick<IncomingMessage, 'headers'>): Verdict | undefined {
  const { apiKey, basic } = settings;
  if (!apiKey && !basic) return undefined;
  const authorization = headerOf(req, 'authorization');
  if (apiKey) {
    const given = headerOf(req, apiKey.header ?? 'authorization');
    if (sameSecret(given?.trim(), apiKey.value)) return { ok: true };
  }
  if (basic) {
    const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization ?? '');
    const decoded = match?.[1] ? Buffer.from(match[1], 'base64').toString('utf8') : undefined;
    if (sameSecret(decoded, `${basic.username}:${basic.password}`)) return { ok: true };
  }
  const presented = authorization !== undefined || (apiKey?.header !== undefined && headerOf(req, apiKey.header) !== undefined);
  return { ok: false, reason: presented ? 'credentials do not match' : 'missing credentials' };
}

/**
 * Identity-verification deliveries. An authenticated body that is not JSON is acknowledged and kept (it is the
 * vendor's, whatever its syntax); an unauthenticated one gets 400.
 */
export function idvRoute(settings: IdvSettings): WebhookRoute {
  return {
    path: IDV_WEBHOOK_PATH,
    source: IDV_SOURCE,
    ...(settings.apiKey?.header ? { secretHeaders: [settings.apiKey.header] } : {}),
    admit(req, body) {
      const verdict = checkCredentials(settings, req);
      if (verdict && !verdict.ok) return { rejection: { status: 401, reason: verdict.reason } };
      const parsed = parseJsonBody(body);
      if (parsed.ok) return { json: parsed.value };
      return verdict ? {} : { rejection: { status: 400, reason: parsed.reason } };
    },
  };
}
