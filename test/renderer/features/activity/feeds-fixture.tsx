import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { METHOD_NAMES, type ConsoleClient } from '../../../../shared/api/contract';
import { FeedsSnapshotSchema, type FeedsSnapshot } from '../../../../shared/api/feeds';
import { StoreProvider } from '../../../../renderer/src/store/context';
import { createConsoleStore, type ConsoleStore } from '../../../../renderer/src/store/store';

/** A client whose methods fail unless given; calls are recorded. */
export function fakeClient(methods: Partial<Record<string, (params: unknown) => unknown>> = {}) {
  const calls: { method: string; params: unknown }[] = [];
  const api = Object.fromEntries(
    METHOD_NAMES.map((name) => [
      name,
      async (params: unknown) => {
        calls.push({ method: name, params });
        const handler = methods[name];
        return handler ? { ok: true, value: handler(params) } : { ok: false, error: { code: 'unavailable', message: `${name} not faked` } };
      },
    ]),
  );
  const client = { ...api, onEvent: () => () => {}, onConnection: () => () => {} } as unknown as ConsoleClient;
  return { client, calls };
}

export function renderWith(ui: ReactElement, feeds: FeedsSnapshot, methods: Parameters<typeof fakeClient>[0] = {}) {
  const { client, calls } = fakeClient(methods);
  const store: ConsoleStore = createConsoleStore(client);
  store.setState({ feeds: FeedsSnapshotSchema.parse(feeds) });
  const view = render(<StoreProvider store={store}>{ui}</StoreProvider>);
  return { ...view, store, calls };
}

export const SETTINGS: FeedsSnapshot['settings'] = {
  rapidadmin: { path: '/rapidadmin/webhooks', urls: ['http://192.168.1.20:4567/rapidadmin/webhooks'], auth: [], unauthenticated: 'refused' },
  idv: {
    path: '/idv/webhooks',
    urls: ['http://192.168.1.20:4567/idv/webhooks'],
    auth: [],
    unauthenticated: 'refused',
    alertRules: { results: ['invalid_identity', 'expired'], events: [] },
    configuredRules: { results: ['invalid_identity', 'expired'], events: [] },
    getProcess: true,
    knownResults: [
      { name: 'ok', text: 'Identity verified' },
      { name: 'expired', text: 'Verification expired: the applicant did not finish' },
      { name: 'invalid_identity', text: 'Identity NOT verified' },
    ],
    knownEvents: [{ name: 'EVENT_TYPE_SESSION_ENDED', text: 'Session ended by timeout or by new session created' }],
  },
};

export const EMPTY: FeedsSnapshot = { settings: SETTINGS, activity: [], verifications: [], alerts: [] };
