import type { RequestListener, Server } from 'node:http';
import { networkInterfaces } from 'node:os';
import type { ListenerAlertView } from '../../../shared/api/alerts';
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
  /**
   * What keeps webhooks from arriving, for every screen: a listener that could not open, an allow-list that admits
   * no address. The console runs without the listener that failed; a restart after the fix opens it.
   */
  readonly alerts: ListenerAlertView[];
  close(): Promise<void>;
}

function lanAddress(): string | undefined {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return undefined;
}

function webhookUrlFor(host: string, port: number, audience: 'public' | 'loopback', scheme = 'http'): string {
  const any = host === '0.0.0.0' || host === '::';
  const shown = any ? (audience === 'public' ? (lanAddress() ?? '127.0.0.1') : '127.0.0.1') : host;
  return `${scheme}://${shown.includes(':') ? `[${shown}]` : shown}:${port}${AIDA_WEBHOOK_PATH}`;
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url.slice(0, url.indexOf(AIDA_WEBHOOK_PATH));
  }
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}

/** Why a port could not be opened, in words IT can act on. */
function bindFailure(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EADDRINUSE':
      return 'another program (or another console) already uses that port';
    case 'EACCES':
      return 'this user may not open that port (ports below 1024 need administrator rights)';
    case 'EADDRNOTAVAIL':
      return 'this computer has no such address';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'that host name is not known';
    default:
      return (err as Error).message;
  }
}

/** Allow-list entries IT wrote, none of them valid: every delivery is refused, and the screens say so. */
const NOBODY_ALLOWED: ListenerAlertView = {
  id: 'allow-from-none',
  title: 'Every webhook is refused: webhook.allowFrom admits no address',
  text:
    'None of the entries of webhook.allowFrom is a valid IP address or CIDR range (Settings lists each), so the ' +
    'console allows nothing rather than guess: every delivery gets 403 and is kept under Rejected deliveries.',
  action: 'Correct webhook.allowFrom (or remove it to admit any address), then restart the console.',
};

async function openPlain(config: ConsoleConfig, app: RequestListener): Promise<{ server: Server } | { alert: ListenerAlertView }> {
  try {
    return { server: await listen(app, config.webhookHost, config.webhookPort) };
  } catch (err) {
    return {
      alert: {
        id: 'webhook-listener',
        title: 'Webhooks cannot be received',
        text:
          `The webhook listener could not open ${config.webhookHost} port ${config.webhookPort}: ${bindFailure(err)}. ` +
          'Nothing the machines, RapIDadmin or the verification service post arrives; an AIDA machine stops with ' +
          'WebhooksServerUnreachable.',
        action: 'Free the port, or set webhook.port (and the senders\' webhook URLs) to another, then restart the console.',
      },
    };
  }
}

async function openTls(config: ConsoleConfig, app: RequestListener): Promise<{ server?: Server; alert?: ListenerAlertView }> {
  const tls = config.webhookTls;
  if (!tls) return {};
  try {
    return { server: await listenTls(app, config.webhookHost, tls) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === undefined ? (err as Error).message : `port ${tls.port} could not be opened: ${bindFailure(err)}`;
    return {
      alert: {
        id: 'webhook-tls',
        title: 'HTTPS webhooks cannot be received',
        text: `The HTTPS listener did not start: ${why}. Senders that post only to https URLs cannot deliver; plain HTTP is not affected.`,
        action: 'Correct webhook.tls (readable certificate and key files, a free port), then restart the console.',
      },
    };
  }
}

/**
 * Opens the plain listener and, when configured, the TLS one, both serving `app`. A listener that cannot open (a
 * port in use, an address this computer does not have, TLS files it cannot read) does not stop the console: it
 * runs without that listener, says why on every screen and in the log, and keeps everything else working.
 */
export async function openWebhookListeners(config: ConsoleConfig, app: RequestListener, log: (line: string) => void = () => {}): Promise<WebhookListeners> {
  const tls = await openTls(config, app);
  const plain = await openPlain(config, app);
  const server = 'server' in plain ? plain.server : undefined;
  const port = server ? boundPort(server) : config.webhookPort;
  const publicUrl = webhookUrlFor(config.webhookHost, port, 'public');
  const origins = [originOf(publicUrl)];
  if (tls.server) origins.push(originOf(webhookUrlFor(config.webhookHost, boundPort(tls.server), 'public', 'https')));
  const alerts = [
    ...('alert' in plain ? [plain.alert] : []),
    ...(tls.alert ? [tls.alert] : []),
    ...(config.webhookAllowFrom?.length === 0 ? [NOBODY_ALLOWED] : []),
  ];
  for (const a of alerts) log(`${a.title}: ${a.text} ${a.action}`);
  return {
    publicUrl,
    loopbackUrl: webhookUrlFor(config.webhookHost, port, 'loopback'),
    origins,
    alerts,
    async close() {
      if (server) await closeServer(server);
      if (tls.server) await closeServer(tls.server);
    },
  };
}
