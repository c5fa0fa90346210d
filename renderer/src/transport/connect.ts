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

/**
 * Picks the transport: the preload bridge inside Electron, else the WebSocket of serve mode. In serve mode the page
 * never sees the access token: the console traded the printed address's token for an HttpOnly session cookie before
 * the page loaded, and the browser sends that cookie with the WebSocket's upgrade.
 */
export function connectToConsole(): ConsoleClient {
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
  const { protocol, host } = window.location;
  return createWsClient(`${protocol === 'https:' ? 'wss' : 'ws'}://${host}/api/ws`);
}
