import type { RequestListener, Server } from 'node:http';
import { networkInterfaces } from 'node:os';
import type { ConsoleConfig } from '../config/schema';
import { AIDA_WEBHOOK_PATH, boundPort, listen } from './listener';
import { listenTls } from './tls';

/** The listeners machines post to, once they listen: where each audience should post, and how to close them. */
export interface WebhookListeners {
  /** Where machines should post: a LAN address when listening on all interfaces. */
  readonly publicUrl: string;
  /** Where a sender on this computer posts (the training simulators). */
  readonly loopbackUrl: string;
  /** The origins senders reach: http, and https when TLS is on. */
  readonly origins: string[];
  close(): Promise<void>;
}

function lanAddress(): string | undefined {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return undefined;
}

function webhookUrlFor(host: string, port: number, audience: 'public' | 'loopback'): string {
  const any = host === '0.0.0.0' || host === '::';
  const shown = any ? (audience === 'public' ? (lanAddress() ?? '127.0.0.1') : '127.0.0.1') : host;
  return `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}${AIDA_WEBHOOK_PATH}`;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}

/** Opens the plain listener and, when configured, the TLS one, both serving `app`. */
export async function openWebhookListeners(config: ConsoleConfig, app: RequestListener): Promise<WebhookListeners> {
  // TLS first: an unreadable certificate stops the start before anything listens.
  const tlsServer = config.webhookTls ? await listenTls(app, config.webhookHost, config.webhookTls) : undefined;
  const server = await listen(app, config.webhookHost, config.webhookPort);
  const port = boundPort(server);
  const publicUrl = webhookUrlFor(config.webhookHost, port, 'public');
  const httpOrigin = new URL(publicUrl).origin;
  const httpsOrigin = tlsServer ? Object.assign(new URL(httpOrigin), { protocol: 'https:', port: String(boundPort(tlsServer)) }).origin : undefined;
  return {
    publicUrl,
    loopbackUrl: webhookUrlFor(config.webhookHost, port, 'loopback'),
    origins: httpsOrigin ? [httpOrigin, httpsOrigin] : [httpOrigin],
    async close() {
      await closeServer(server);
      if (tlsServer) await closeServer(tlsServer);
    },
  };
}
