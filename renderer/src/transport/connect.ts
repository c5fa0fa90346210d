import type { ConsoleClient, MethodName } from '../../../shared/api/contract';
import { checkEvent, checkedApi } from './checked-api';
import { createWsClient } from './ws-client';

/**
 * What the Electron preload exposes: the contract's methods and a subscription to pushed events. Typed as what it
 * is, another process's answers: unchecked until checkedApi / checkEvent have held them against the contract.
 */
type PreloadBridge = { [M in MethodName]: (params: unknown) => Promise<unknown> } & {
  onEvent(listener: (event: unknown) => void): () => void;
};

declare global {
  interface Window {
    /** Set by the Electron preload; absent in serve mode. */
    issuanceConsole?: PreloadBridge;
  }
}

const TOKEN_KEY = 'issuance-console-token';

/**
 * Picks the transport: the preload bridge inside Electron, else the WebSocket of serve mode. The token arrives in
 * the printed URL; it is moved to session storage and removed from the address bar so it is not left on screen.
 */
export function connectToConsole(): ConsoleClient | { error: string } {
  const bridge = window.issuanceConsole;
  if (bridge) {
    return {
      ...checkedApi((method, params) => bridge[method](params)),
      onEvent: (listener) =>
        bridge.onEvent((raw) => {
          const event = checkEvent(raw);
          if (event) listener(event);
        }),
      onConnection: (listener) => (listener(true), () => {}),
    };
  }
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
  }
  const token = fromUrl ?? sessionStorage.getItem(TOKEN_KEY);
  if (!token) return { error: 'Open the console with the address printed at start-up (it carries the access token).' };
  const wsUrl = `${url.protocol === 'https:' ? 'wss' : 'ws'}://${url.host}/api/ws?token=${encodeURIComponent(token)}`;
  return createWsClient(wsUrl);
}
