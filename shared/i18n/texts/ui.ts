import { namespace } from '../namespace';

/** The shared pieces of every screen (renderer/src/ui): lists read page by page, machine reads, dialog ends, commands. */
export const ui = namespace(
  {
    showMore: {
      // `what` is the caller's plural noun, already in the viewer's language ("commands").
      all: 'All {{shown, number}} {{what}} shown',
      of: '{{shown, number}} of {{total, number}}{{capped}} {{what}} shown',
      newest: 'The newest {{shown, number}} {{what}} shown',
      loading: 'Loading…',
      more: 'Show more',
    },
    read: {
      nothing: '(nothing read)',
      spaces_one: '{{count}} space',
      spaces_other: '{{count}} spaces',
      only: '{{spaces}} only',
      startsWith: 'starts with {{spaces}}',
      endsWith: 'ends with {{spaces}}',
    },
    command: {
      resume: 'Resume',
      stop: 'Stop',
      abort: 'Abort',
      start: 'Start issuance',
      signal: 'Decision',
    },
  },
  {
    showMore: {
      all: '{{what}}: alle {{shown, number}} angezeigt',
      of: '{{what}}: {{shown, number}} von {{total, number}}{{capped}} angezeigt',
      newest: '{{what}}: die neuesten {{shown, number}} angezeigt',
      loading: 'Wird geladen…',
      more: 'Mehr anzeigen',
    },
    read: {
      nothing: '(nichts gelesen)',
      spaces_one: '{{count}} Leerzeichen',
      spaces_other: '{{count}} Leerzeichen',
      only: 'nur {{spaces}}',
      startsWith: 'beginnt mit {{spaces}}',
      endsWith: 'endet mit {{spaces}}',
    },
    command: {
      resume: 'Fortsetzen',
      stop: 'Anhalten',
      abort: 'Abbrechen',
      start: 'Ausgabe starten',
      signal: 'Entscheidung',
    },
  },
);
