import { readFileSync } from 'node:fs';
import type { RequestListener } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { TlsSettings } from '../config/sources';

/**
 * The listener over HTTPS, for senders that will post only to an https URL (the identity-verification vendor) or
 * across networks (RapIDadmin). It serves the same express app as the plain listener, on its own port, so AIDA
 * machines on the LAN keep posting plain HTTP exactly as their guide shows. A reverse proxy terminating TLS in front
 * of the plain port is the alternative (README).
 */
export function listenTls(app: RequestListener, host: string, tls: TlsSettings): Promise<Server> {
  const read = (what: string, path: string) => {
    try {
      return readFileSync(path);
    } catch (err) {
      throw new Error(`webhook.tls.${what} ${path} cannot be read: ${(err as Error).message}`);
    }
  };
  const options = { cert: read('certFile', tls.certFile), key: read('keyFile', tls.keyFile) };
  let server: Server;
  try {
    server = createServer(options, app);
  } catch (err) {
    throw new Error(`webhook.tls: the certificate and key cannot be used: ${(err as Error).message}`);
  }
  return new Promise((resolve, reject) => {
    server.once('listening', () => resolve(server));
    server.once('error', reject);
    server.listen(tls.port, host);
  });
}
