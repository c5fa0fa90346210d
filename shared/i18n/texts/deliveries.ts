import { namespace } from '../namespace';

/**
 * Deliveries the webhook listener refused (renderer/src/features/deliveries). The reason, headers and body are the
 * listener's record and HTTP's own status words, shown as they are.
 */
export const deliveries = namespace(
  {
    title: 'Rejected deliveries',
    loading: 'Loading…',
    none: 'None: every delivery was accepted',
    count: '{{count, number}} refused, newest first',
    pruned_one:
      '{{count}} older refused delivery pruned: the console keeps only the newest (webhook.rejectedDeliveries in Settings).',
    pruned_other:
      '{{count}} older refused deliveries pruned: the console keeps only the newest (webhook.rejectedDeliveries in Settings).',
    loadFailed: 'Could not load the rejected deliveries: {{error}}',
    refusedDeliveries: 'refused deliveries',
    notKnown: 'not known',
    kept: '{{size}} kept',
    showBody: 'Show body',
    column: {
      received: 'Received',
      source: 'Source',
      address: 'Source address',
      status: 'HTTP status',
      answer: 'Answer',
      reason: 'Reason',
      size: 'Size',
      body: 'Body',
    },
    dialog: {
      title: 'Rejected delivery {{id}}',
      loading: 'Loading the delivery…',
      loadFailed: 'Could not load this delivery: {{error}}',
      rawBody: 'Raw body',
      rawBodyCut: 'Raw body (the first {{kept}} of {{size}}, as kept)',
      empty: '(empty body)',
      headers: 'Headers',
      noHeaders: 'No headers were kept.',
    },
    size: {
      bytes_one: '{{count, number}} byte',
      bytes_other: '{{count, number}} bytes',
    },
  },
  {
    title: 'Abgelehnte Zustellungen',
    loading: 'Wird geladen…',
    none: 'Keine: Jede Zustellung wurde angenommen',
    count: '{{count, number}} abgelehnt, neueste zuerst',
    pruned_one:
      '{{count, number}} ältere abgelehnte Zustellung entfernt: Die Konsole behält nur die neuesten (webhook.rejectedDeliveries in den Einstellungen).',
    pruned_other:
      '{{count, number}} ältere abgelehnte Zustellungen entfernt: Die Konsole behält nur die neuesten (webhook.rejectedDeliveries in den Einstellungen).',
    loadFailed: 'Die abgelehnten Zustellungen konnten nicht geladen werden: {{error}}',
    refusedDeliveries: 'Abgelehnte Zustellungen',
    notKnown: 'unbekannt',
    kept: '{{size}} behalten',
    showBody: 'Inhalt zeigen',
    column: {
      received: 'Empfangen',
      source: 'Quelle',
      address: 'Absenderadresse',
      status: 'HTTP-Status',
      answer: 'Antwort',
      reason: 'Grund',
      size: 'Größe',
      body: 'Inhalt',
    },
    dialog: {
      title: 'Abgelehnte Zustellung {{id}}',
      loading: 'Zustellung wird geladen…',
      loadFailed: 'Diese Zustellung konnte nicht geladen werden: {{error}}',
      rawBody: 'Rohinhalt',
      rawBodyCut: 'Rohinhalt (die ersten {{kept}} von {{size}}, wie behalten)',
      empty: '(leerer Inhalt)',
      headers: 'Header',
      noHeaders: 'Es wurden keine Header behalten.',
    },
    size: {
      bytes_one: '{{count, number}} Byte',
      bytes_other: '{{count, number}} Byte',
    },
  },
);
