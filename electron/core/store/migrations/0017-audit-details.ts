import type { Migration } from '../migrate';

/**
 * The audit's detail sentences in the reader's language (issue 14): an audit event's detail and an account event's
 * line (its event and detail together, as the trail shows them) are stored as a catalog code and its parameters
 * (JSON) beside the English text. Rows written before keep their text alone and are shown as written.
 */
export const migration0017: Migration = {
  version: 17,
  name: 'audit-details',
  up: `
    ALTER TABLE audit_events ADD COLUMN detail_code TEXT;
    ALTER TABLE audit_events ADD COLUMN detail_params TEXT;
    ALTER TABLE account_events ADD COLUMN detail_code TEXT;
    ALTER TABLE account_events ADD COLUMN detail_params TEXT;
  `,
};
