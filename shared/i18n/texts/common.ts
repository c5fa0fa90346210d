import { namespace } from '../namespace';

/** Words used on many screens. */
export const common = namespace(
  {
    language: 'Language',
    close: 'Close',
    cancel: 'Cancel',
    showMore: 'Show more',
  },
  {
    language: 'Sprache',
    close: 'Schließen',
    cancel: 'Abbrechen',
    showMore: 'Mehr anzeigen',
  },
);
