import type { ConsoleClient, MethodName } from '../../../shared/api/contract';
import { checkEvent, checkedApi } from './checked-api';
import { eventFrames } from './event-frames';
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
    // Events a frame at a time, as over the WebSocket; an answer is newer than every event sent before it.
    const events = eventFrames();
    bridge.onEvent((raw) => {
      const event = checkEvent(raw);
      if (event) events.push(event);
    });
    return {
      ...checkedApi(async (method, params) => {
        const answer = await bridge[method](params);
        events.flush();
        return answer;
      }),
      onEvent: (listener) => events.listen(listener),
      onConnection: (listener) => (listener(true), () => {}),
    };
  }
  const { protocol, host } = window.location;
  return createWsClient(`${protocol === 'https:' ? 'wss' : 'ws'}://${host}/api/ws`);
}
