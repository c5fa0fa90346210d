import type { IncomingMessage } from 'node:http';
import type { IdvSettings } from '../config/sources';
import { parseJsonBody } from './body';
import { headerOf, type WebhookRoute } from './listener';
import { sameSecret, type Verdict } from './signature';
import { refuseUnauthenticated, unauthenticatedPolicy, type UnauthenticatedRoute } from './unauthenticated';

export const IDV_WEBHOOK_PATH = '/idv/webhooks';
export const IDV_SOURCE = 'idv';

/**
 * The vendor signs nothing; it authenticates itself to the receiver with an API-key header (a named header, or the
 * value alone in Authorization) or Basic credentials. When either is configured, a delivery must present one that
 * matches. Undefined: nothing configured (the route then refuses the delivery unless configured to accept it).
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

/** Why an unauthenticated delivery is refused when no credentials are configured, recorded with it. */
export const IDV_UNAUTHENTICATED_REFUSED =
  'no credentials are configured: unauthenticated deliveries are refused — set idv.auth (or idv.allowUnauthenticated: true)';

/**
 * Identity-verification deliveries. An authenticated body that is not JSON is acknowledged and kept (it is the
 * vendor's, whatever its syntax). Without credentials configured, deliveries are refused unless
 * `allowUnauthenticated` (or training mode, from this computer); an accepted unauthenticated body that is not JSON
 * gets 400.
 */
export function idvRoute(
  settings: IdvSettings,
  unauthenticated: Omit<UnauthenticatedRoute, 'missing'> = { policy: unauthenticatedPolicy(settings.allowUnauthenticated, false) },
): WebhookRoute {
  const withoutAuth: UnauthenticatedRoute = { ...unauthenticated, missing: IDV_UNAUTHENTICATED_REFUSED };
  return {
    path: IDV_WEBHOOK_PATH,
    source: IDV_SOURCE,
    ...(settings.apiKey?.header ? { secretHeaders: [settings.apiKey.header] } : {}),
    admit(req, body) {
      const verdict = checkCredentials(settings, req);
      if (verdict && !verdict.ok) return { rejection: { status: 401, reason: verdict.reason } };
      if (!verdict) {
        const refused = refuseUnauthenticated(withoutAuth, req);
        if (refused !== undefined) return { rejection: { status: 401, reason: refused } };
      }
      const parsed = parseJsonBody(body);
      if (parsed.ok) return { json: parsed.value };
      return verdict ? {} : { rejection: { status: 400, reason: parsed.reason } };
    },
  };
}
