import { namespace } from '../namespace';

/** The frame: the views' names, the navigation, and the band of actions not done (renderer/src/app/). */
export const app = namespace(
  {
    views: {
      operate: 'Machines & jobs',
      reviews: 'Reviews',
      alerts: 'Alert history',
      production: 'Production',
      audit: 'Audit',
      activity: 'People & prints',
      verification: 'Verifications',
      deliveries: 'Rejected deliveries',
      people: 'Accounts',
    },
    navigation: 'Views',
    counts: {
      reviews: '{{count}} waiting for a decision',
      deliveries: '{{count}} refused',
    },
    failure: {
      codes: {
        'not-allowed': 'refused by the console',
        'invalid-request': 'the console could not accept it as sent',
        'not-found': 'the console no longer knows it',
        unavailable: 'the console could not be reached',
        internal: 'the console failed',
      },
      state: 'Not done — {{why}}, at {{time}}',
      dismiss: 'Dismiss',
      band: 'Actions not done',
    },
  },
  {
    views: {
      operate: 'Maschinen & Aufträge',
      reviews: 'Prüfungen',
      alerts: 'Meldungsverlauf',
      production: 'Produktion',
      audit: 'Protokoll',
      activity: 'Personen & Drucke',
      verification: 'ID-Prüfungen',
      deliveries: 'Abgewiesen',
      people: 'Konten',
    },
    navigation: 'Ansichten',
    counts: {
      reviews: '{{count}} warten auf eine Entscheidung',
      deliveries: '{{count}} abgelehnt',
    },
    failure: {
      codes: {
        'not-allowed': 'von der Konsole abgelehnt',
        'invalid-request': 'die Konsole konnte es so nicht annehmen',
        'not-found': 'die Konsole kennt es nicht mehr',
        unavailable: 'die Konsole war nicht erreichbar',
        internal: 'Fehler in der Konsole',
      },
      state: 'Nicht ausgeführt — {{why}}, um {{time}}',
      dismiss: 'Ausblenden',
      band: 'Nicht ausgeführte Aktionen',
    },
  },
);
