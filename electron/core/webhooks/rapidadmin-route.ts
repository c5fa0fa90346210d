import { parseTolerantJson } from '../../../shared/rapidadmin/tolerant-json';
import type { RapidadminSettings } from '../config/sources';
import { headerOf, type WebhookRoute } from './listener';
import { verifySignature } from './signature';
import { refuseUnauthenticated, unauthenticatedPolicy, type UnauthenticatedRoute } from './unauthenticated';

export const RAPIDADMIN_WEBHOOK_PATH = '/rapidadmin/webhooks';
export const RAPIDADMIN_SOURCE = 'rapidadmin';

/** Why an unsigned delivery is refused when no secret is configured, recorded with it. */
export const RAPIDADMIN_UNSIGNED_REFUSED =
  'no signing secret is configured: unsigned deliveries are refused — set rapidadmin.signingSecret (or rapidadmin.allowUnsigned: true)';

/**
 * RapIDadmin / EliteID deliveries. The Signing Secret is how a receiver authenticates them (seed 001): with one, the
 * signature is checked on the raw bytes before anything reads them, and a signed body is authentic, so one that is
 * not JSON (the doc's own example has a trailing comma) is still acknowledged and kept. Without one, nothing tells
 * RapIDadmin's deliveries from a forger's, so they are refused unless `allowUnsigned` (or training mode, from this
 * computer); an accepted unsigned body that is not even tolerantly JSON gets 400, as AIDA's does.
 */
export function rapidadminRoute(
  settings: RapidadminSettings,
  unsigned: Omit<UnauthenticatedRoute, 'missing'> = { policy: unauthenticatedPolicy(settings.allowUnsigned, false) },
): WebhookRoute {
  const withoutSecret: UnauthenticatedRoute = { ...unsigned, missing: RAPIDADMIN_UNSIGNED_REFUSED };
  return {
    path: RAPIDADMIN_WEBHOOK_PATH,
    source: RAPIDADMIN_SOURCE,
    admit(req, body) {
      const secret = settings.signingSecret;
      if (secret !== undefined) {
        const previous = settings.previousSigningSecret;
        const verdict = verifySignature(previous === undefined ? secret : [secret, previous], body, headerOf(req, 'x-signature'));
        if (!verdict.ok) return { rejection: { status: 401, reason: verdict.reason } };
      } else {
        const refused = refuseUnauthenticated(withoutSecret, req);
        if (refused !== undefined) return { rejection: { status: 401, reason: refused } };
      }
      const read = parseTolerantJson(body.toString('utf8'));
      if (read.ok) return { json: read.value };
      return secret !== undefined ? {} : { rejection: { status: 400, reason: read.reason } };
    },
  };
}
