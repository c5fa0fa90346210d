import { describeAnswer, isSuccess, type AidaAnswer } from './aida-answer';

export interface AidaCredentials {
  userName: string;
  password: string;
  clientId?: string | undefined;
  clientSecret?: string | undefined;
}

/**
 * `absent`: the machine has no token endpoint (an AIDA mini, or a 404 / 405 there), so every call goes without a
 * token. `unknown` until the client needed one.
 */
export type TokenEndpoint = 'unknown' | 'present' | 'absent';

/** The token endpoint answers a JSON string, `{ access_token }`, or a bare JWT. */
function tokenOf(body: string | undefined): string {
  const text = (body ?? '').trim();
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'string') return parsed;
    if (parsed && typeof parsed === 'object' && typeof (parsed as { access_token?: unknown }).access_token === 'string') {
      return (parsed as { access_token: string }).access_token;
    }
  } catch {
    // A bare JWT is not JSON: use the text as it is.
  }
  return text;
}

/** One machine's Bearer token: fetched when first needed, shared by the calls made meanwhile, dropped on a 401. */
export class BearerToken {
  private token: string | undefined;
  private endpointState: TokenEndpoint;
  /** The token request under way: calls made meanwhile wait for it rather than asking again. */
  private authenticating: Promise<AidaAnswer | undefined> | undefined;

  /** `endpointAbsent`: the mini's published API declares Bearer but has no token endpoint: absent from the start. */
  constructor(
    private readonly credentials: AidaCredentials | undefined,
    endpointAbsent: boolean,
    private readonly post: (form: FormData) => Promise<AidaAnswer>,
  ) {
    this.endpointState = endpointAbsent ? 'absent' : 'unknown';
  }

  get endpoint(): TokenEndpoint {
    return this.endpointState;
  }

  get value(): string | undefined {
    return this.token;
  }

  /** Calls carry a token when credentials are configured and the machine has a token endpoint. */
  get wanted(): boolean {
    return this.credentials !== undefined && this.endpointState !== 'absent';
  }

  forget(): void {
    this.token = undefined;
  }

  /**
   * Fetches a token; returns the failure to report, or undefined when the call may go ahead: with a token, or without
   * one when the machine turned out to have no token endpoint (404 / 405).
   */
  authenticate(): Promise<AidaAnswer | undefined> {
    this.authenticating ??= this.request().finally(() => {
      this.authenticating = undefined;
    });
    return this.authenticating;
  }

  private async request(): Promise<AidaAnswer | undefined> {
    const c = this.credentials;
    if (!c) return undefined;
    const form = new FormData();
    form.set('UserName', c.userName);
    form.set('Password', c.password);
    if (c.clientId) form.set('ClientId', c.clientId);
    if (c.clientSecret) form.set('ClientSecret', c.clientSecret);
    form.set('grant_type', 'password');
    const answer = await this.post(form);
    if (answer.reach === 'answered' && (answer.status === 404 || answer.status === 405)) {
      // No token endpoint (an AIDA mini, whose published API declares Bearer but offers no way to get one).
      this.endpointState = 'absent';
      this.token = undefined;
      return undefined;
    }
    if (!isSuccess(answer)) {
      // The request needing the token was never sent: for the caller this is "not reached", whatever auth said.
      const refused = answer.reach === 'answered' && answer.status !== undefined && answer.status < 500;
      return {
        reach: 'unreached',
        ...(refused ? { auth: 'refused' as const } : {}),
        error: refused
          ? `authentication failed: the machine refused the console's credentials (${describeAnswer(answer)})`
          : `authentication failed: ${describeAnswer(answer)}`,
      };
    }
    this.endpointState = 'present';
    this.token = tokenOf(answer.body);
    return undefined;
  }
}
