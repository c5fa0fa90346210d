import { createHmac } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { IdSource } from './ids';

export interface Credentials {
  userName: string;
  password: string;
  clientId: string;
  clientSecret: string;
}

const b64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

/**
 * `POST /aida/v1/auth/token` and the Bearer check in front of every other endpoint (the vendor's OpenAPI; the seed
 * never mentions it). Tokens look like JWTs; the simulator checks them against what it issued, so it can also make
 * them all expire at once and let a test watch the console renew its token on the 401.
 */
export class TokenIssuer {
  private readonly issued = new Map<string, number>();

  constructor(
    /** Without credentials the API is open, as an install without them would be: any form gets a token. */
    private readonly credentials: Credentials | undefined,
    private readonly ids: IdSource,
    private readonly signingKey: string,
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  /** A token for the form's credentials (UserName, Password, ClientId, ClientSecret, grant_type), or undefined. */
  issue(form: ReadonlyMap<string, string>): string | undefined {
    const c = this.credentials;
    const grant = form.get('grant_type') ?? 'password';
    const matches =
      !c ||
      (grant === 'password' &&
        form.get('UserName') === c.userName &&
        form.get('Password') === c.password &&
        form.get('ClientId') === c.clientId &&
        form.get('ClientSecret') === c.clientSecret);
    if (!matches) return undefined;
    const issuedAt = this.now();
    const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const payload = b64url(
      JSON.stringify({
        sub: form.get('UserName') ?? '',
        client_id: form.get('ClientId') ?? '',
        jti: String(this.ids.number('token')),
        iat: Math.floor(issuedAt / 1000),
        exp: Math.floor((issuedAt + this.ttlMs) / 1000),
      }),
    );
    const signature = b64url(createHmac('sha256', this.signingKey).update(`${header}.${payload}`).digest());
    const token = `${header}.${payload}.${signature}`;
    this.issued.set(token, issuedAt + this.ttlMs);
    return token;
  }

  /** Whether the API asks for a Bearer token at all. */
  get required(): boolean {
    return this.credentials !== undefined;
  }

  check(authorization: string | undefined): 'ok' | 'missing' | 'invalid' {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!match?.[1]) return 'missing';
    const expiresAt = this.issued.get(match[1]);
    if (expiresAt === undefined) return 'invalid';
    if (expiresAt <= this.now()) {
      this.issued.delete(match[1]);
      return 'invalid';
    }
    return 'ok';
  }

  /** Every token issued so far stops working, as if its lifetime had run out. */
  expireAll(): void {
    this.issued.clear();
  }

  /** Answers 401 to a request without a valid Bearer token. */
  middleware(): RequestHandler {
    return (req, res, next) => {
      const verdict = this.check(req.headers.authorization);
      if (verdict === 'ok') {
        next();
        return;
      }
      res
        .status(401)
        .set('WWW-Authenticate', verdict === 'missing' ? 'Bearer' : 'Bearer error="invalid_token"')
        .json({ error: verdict === 'missing' ? 'a Bearer token is required' : 'the token is invalid or expired' });
    };
  }
}

/** Reads a multipart (or URL-encoded) form body with the platform's own parser. */
export async function readForm(contentType: string | undefined, body: Buffer): Promise<Map<string, string> | undefined> {
  try {
    const form = await new Request('http://aida.invalid/', {
      method: 'POST',
      headers: { 'content-type': contentType ?? '' },
      body: new Uint8Array(body),
    }).formData();
    const fields = new Map<string, string>();
    for (const [key, value] of form) if (typeof value === 'string') fields.set(key, value);
    return fields;
  } catch {
    return undefined;
  }
}
