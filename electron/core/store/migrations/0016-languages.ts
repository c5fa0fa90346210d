import type { Migration } from '../migrate';

/**
 * Two languages (issue 14). A person may choose their own language (null: the station's). A command's outcome and a
 * review's closing reason are stored as a catalog code and its parameters (JSON) beside the English text, so each
 * viewer reads them in their language; rows written before keep their text alone and are shown as written.
 */
export const migration0016: Migration = {
  version: 16,
  name: 'languages',
  up: `
    ALTER TABLE accounts ADD COLUMN language TEXT;
    ALTER TABLE commands ADD COLUMN outcome_code TEXT;
    ALTER TABLE commands ADD COLUMN outcome_params TEXT;
    ALTER TABLE reviews ADD COLUMN closed_code TEXT;
    ALTER TABLE reviews ADD COLUMN closed_params TEXT;
  `,
};
