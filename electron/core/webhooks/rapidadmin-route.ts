import { parseTolerantJson } from '../../../shared/rapidadmin/tolerant-json';
import type { RapidadminSettings } from '../config/sources';
import { headerOf, type WebhookRoute } from './listener';
import { verifySignature } from './signature';

export const RAPIDADMIN_WEBHOOK_PATH = '/rapidadmin/webhooks';
export const RAPIDADMIN_SOURCE = 'rapidadmin';

/**
 * RapIDadmin / EliteID deliveries. With a signing secret, the signature is checked on the raw bytes before anything
 * reads them; a signed body is authentic, so one that is not JSON (the doc's own example has a trailing comma) is
 * still acknowledged and kept. Without a secret nobody vouches for the body, and one that is not even tolerantly
 * JSON gets 400, as AIDA's does.
 */
export function rapidadminRoute(settings: RapidadminSettings): WebhookRoute {
  return {
    path: RAPIDADMIN_WEBHOOK_PATH,
    source: RAPIDADMIN_SOURCE,
    admit(req, body) {
      const secret = settings.signingSecret;
      if (secret !== undefined) {
        const verdict = verifySignature(secret, body, headerOf(req, 'x-signature'));
        if (!verdict.ok) return { rejection: { status: 401, reason: verdict.reason } };
      }
      const read = parseTolerantJson(body.toString('utf8'));
      if (read.ok) return { json: read.value };
      return secret !== undefined ? {} : { rejection: { status: 400, reason: read.reason } };
    },
  };
}
