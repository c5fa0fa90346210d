import { AIDA_ENDPOINTS, offeredBy, type AidaEndpointName, type AidaVariant } from './endpoints';

/**
 * The console's calls to one AIDA machine's REST API. Every call has a timeout, and its result says whether the
 * request provably never reached AIDA's application (safe to retry) or may have been applied (reconcile first).
 */

export interface AidaAnswer {
  /** `answered`: AIDA's application replied (any status). `unreached`: the request provably never reached it
   *  (connection refused, connect timeout, 502/503/504 from a proxy). `ambiguous`: it may have been applied. */
  reach: 'answered' | 'unreached' | 'ambiguous';
  status?: number;
  body?: string;
  /** The body as sent, for a request that asked for bytes (the camera's picture); `body` is then empty. */
  bytes?: Uint8Array;
  contentType?: string;
  error?: string;
  /** `refused`: the token endpoint refused the configured credentials, so the request itself was never sent. */
  auth?: 'refused';
  /**
   * False when the console knew, without asking, that this machine's API has no such endpoint (an AIDA mini): the
   * answer then reads as a 404, which every caller already takes as "not offered".
   */
  offered?: false;
}

export const isSuccess = (a: AidaAnswer): boolean => a.reach === 'answered' && a.status !== undefined && a.status < 300;

export function describeAnswer(a: AidaAnswer): string {
  if (a.offered === false || a.auth) return a.error ?? 'not sent';
  if (a.status !== undefined) return `HTTP ${a.status}${a.body ? `: ${a.body.slice(0, 500)}` : ''}`;
  return a.error ?? 'no answer';
}

export interface StartParams {
  jobTemplateName?: string | undefined;
  /** Deprecated in AIDA 1.6: sent only when filled, and dropped for machines known to run 1.6 or later. */
  workflowTypeName?: string | undefined;
  stopAfter?: number | undefined;
  dryRun?: boolean | undefined;
  /** As AIDA defines it (a float in its API; neither source says more): sent only when set. */
  rejectedCardsThreshold?: number | undefined;
  metadataFields?: Record<string, string> | undefined;
}

export interface AidaCredentials {
  userName: string;
  password: string;
  clientId?: string | undefined;
  clientSecret?: string | undefined;
}

export interface SignalSettings {
  /** The seed misspells this path and once drops `workflows/`; the OpenAPI's spelling is the default. */
  path: string;
  /** The seed's examples say `workflowInstance`, its class and the OpenAPI `workflowInstanceId`. */
  instanceKey: string;
  /**
   * Whether a message's CallbackUrl may be signalled instead of `path`. Off by default: the seed says the CallbackUrl
   * "can be ignored" and documents neither its method nor its body.
   */
  useCallbackUrl?: boolean | undefined;
}

export const DEFAULT_SIGNAL: SignalSettings = {
  path: '/aida/v1/workflow-scheduler/workflows/signal/external-process-completed',
  instanceKey: 'workflowInstanceId',
};

export interface SignalRequest {
  workflowInstanceId: string;
  outcome: 'Completed' | 'Faulted' | 'Canceled';
  errorReason?: string | undefined;
  /** Used only where the machine opts in (`useCallbackUrl`) and its host is the configured machine's: a forged
   *  webhook must not make the console POST elsewhere. */
  callbackUrl?: string | undefined;
}

export interface AidaClientOptions {
  timeoutMs?: number;
  fetch?: typeof fetch;
  credentials?: AidaCredentials | undefined;
  signal?: SignalSettings;
  /** `mini`: an AIDA mini (desktop system), whose API lacks the token endpoint and the lists of suspended work. */
  variant?: AidaVariant;
}

/** What the client found out about the machine's API by calling it. */
export interface AidaApiFacts {
  variant: AidaVariant;
  credentials: boolean;
  /**
   * `absent`: the machine has no token endpoint (an AIDA mini, or a 404 / 405 there), so every call goes without a
   * token. `unknown` until the client needed one.
   */
  tokenEndpoint: 'unknown' | 'present' | 'absent';
}

const TOKEN_PATH = AIDA_ENDPOINTS.token.path;

/** The catalogue's name of a request, by method and path (the query string and a trailing slash ignored). */
function endpointOf(method: string, path: string): AidaEndpointName | undefined {
  const bare = path.split('?')[0]?.replace(/\/+$/, '');
  const found = Object.entries(AIDA_ENDPOINTS).find(([, e]) => e.method === method && e.path === bare);
  return found?.[0] as AidaEndpointName | undefined;
}

const UNREACHED_CODES = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

function errorCode(err: unknown): string | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function messageChain(err: unknown): string {
  const parts: string[] = [];
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    parts.push(current.message);
    current = current.cause;
  }
  return parts.join(': ');
}

export class AidaClient {
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;
  private readonly credentials: AidaCredentials | undefined;
  private readonly signalSettings: SignalSettings;
  private readonly variant: AidaVariant;
  private token: string | undefined;
  /** The mini's published API declares Bearer but has no token endpoint: it is absent from the start. */
  private tokenEndpoint: AidaApiFacts['tokenEndpoint'];
  /** The token request under way: calls made meanwhile wait for it rather than asking again. */
  private authenticating: Promise<AidaAnswer | undefined> | undefined;

  constructor(
    readonly baseUrl: string,
    options: AidaClientOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.fetchImpl = options.fetch ?? fetch;
    this.credentials = options.credentials;
    this.signalSettings = options.signal ?? DEFAULT_SIGNAL;
    this.variant = options.variant ?? 'aida';
    this.tokenEndpoint = this.variant === 'mini' ? 'absent' : 'unknown';
  }

  /** What the client found out about the machine's API so far. */
  facts(): AidaApiFacts {
    return { variant: this.variant, credentials: this.credentials !== undefined, tokenEndpoint: this.tokenEndpoint };
  }

  /** Whether a URL points at this machine's API (same scheme, host and port). */
  isOwnUrl(url: string): boolean {
    try {
      const u = new URL(url);
      const own = new URL(this.baseUrl);
      return u.protocol === own.protocol && u.host === own.host;
    } catch {
      return false;
    }
  }

  /** The CallbackUrl a signal would go to: only where the machine opts in, and only one on the machine itself. */
  callbackTarget(callbackUrl: string | undefined): string | undefined {
    return this.signalSettings.useCallbackUrl === true && callbackUrl && this.isOwnUrl(callbackUrl) ? callbackUrl : undefined;
  }

  /** Tells AIDA the external process of a suspended workflow finished, resuming or rejecting the card. */
  signal(request: SignalRequest): Promise<AidaAnswer> {
    const body: Record<string, unknown> = {
      [this.signalSettings.instanceKey]: request.workflowInstanceId,
      outcome: request.outcome,
      ...(request.errorReason ? { errorReason: request.errorReason } : {}),
    };
    return this.call('POST', this.callbackTarget(request.callbackUrl) ?? this.signalSettings.path, body);
  }

  metrics(): Promise<AidaAnswer> {
    return this.call('GET', '/aida/v1/workflow-scheduler/metrics');
  }

  /** Not offered by the desktop variant: a 404 then means "not offered", not an error. */
  suspendedInstances(): Promise<AidaAnswer> {
    return this.call('GET', AIDA_ENDPOINTS.suspendedWorkflows.path);
  }

  /**
   * AIDA 1.6: `JobInstanceDto[]` of the jobs suspended now, each with its error code and workflow instance (read with
   * `suspendedIds` and `waitingForResume`).
   */
  suspendedJobs(): Promise<AidaAnswer> {
    return this.call('GET', AIDA_ENDPOINTS.suspendedJobs.path);
  }

  /** `SystemInfoDto`: serial number, system model, IP address, server version. */
  systemInfo(): Promise<AidaAnswer> {
    return this.call('GET', AIDA_ENDPOINTS.systemInfo.path);
  }

  /** AIDA 1.6 `MachineStatusDto`: transport, laser boards, hasOpenInterlocks, allFeedersEmpty, schedulerStatus. */
  machineStatus(): Promise<AidaAnswer> {
    return this.call('GET', AIDA_ENDPOINTS.machineStatus.path);
  }

  /** `SystemStatusDto`: the machine's status (Ready, Warning, Error…) and its `SystemErrorCodes` (cartridge low…). */
  systemStatus(): Promise<AidaAnswer> {
    return this.call('GET', AIDA_ENDPOINTS.systemStatus.path);
  }

  /** AIDA 1.6 `PersonalizationSessionDto[]`: the machine's own totals per session. */
  personalizationSessions(): Promise<AidaAnswer> {
    return this.call('GET', AIDA_ENDPOINTS.sessions.path);
  }

  /** AIDA 1.6 `PersoSessionAggregateDto[]`: sessions per day over the last 30 days. */
  sessionDays(): Promise<AidaAnswer> {
    return this.call('GET', AIDA_ENDPOINTS.sessionDays.path);
  }

  /**
   * AIDA 1.6: the camera's frame now, as bytes. The spec declares neither the response's type nor what the frame
   * shows; the caller checks the bytes are an image it knows.
   */
  snapshot(): Promise<AidaAnswer> {
    return this.call('GET', AIDA_ENDPOINTS.snapshot.path, undefined, 'bytes');
  }

  resumeItems(): Promise<AidaAnswer> {
    return this.call('GET', '/aida/v1/workflow-scheduler/resume-items');
  }

  /** Resumes every workflow suspended with a recoverable error (order kept by AIDA). */
  resume(): Promise<AidaAnswer> {
    return this.call('POST', '/aida/v1/workflow-scheduler/resume');
  }

  /**
   * Stops issuance. `abort` cancels running workflows (their cards are rejected). The seed names the flag
   * `stopRunningWorkflows`, the vendor's OpenAPI `stopAllRunningWorkflows`: both are sent.
   */
  stop(abort: boolean): Promise<AidaAnswer> {
    const flag = String(abort);
    return this.call('POST', `/aida/v1/workflow-scheduler/stop?stopRunningWorkflows=${flag}&stopAllRunningWorkflows=${flag}`);
  }

  start(params: StartParams): Promise<AidaAnswer> {
    return this.call('POST', '/aida/v1/workflow-scheduler/start', params);
  }

  state(): Promise<AidaAnswer> {
    return this.call('GET', '/aida/v1/workflow-scheduler/state');
  }

  /**
   * One call with the Bearer token when credentials are configured and the machine has a token endpoint. A 401 means
   * the request was not applied, so it is repeated once with a fresh token. A request the machine's variant does not
   * offer is answered here, unsent.
   */
  private async call(method: 'GET' | 'POST', path: string, body?: unknown, read: 'text' | 'bytes' = 'text'): Promise<AidaAnswer> {
    const endpoint = endpointOf(method, path);
    if (endpoint && !offeredBy(this.variant, endpoint)) {
      return { reach: 'answered', status: 404, offered: false, error: `${method} ${path.split('?')[0] ?? path} is not offered by an AIDA mini: not sent` };
    }
    const tokens = () => this.credentials !== undefined && this.tokenEndpoint !== 'absent';
    if (tokens() && !this.token) {
      const auth = await this.authenticate();
      if (auth) return auth;
    }
    const first = await this.send(method, path, body, read);
    if (first.status !== 401 || !tokens()) return first;
    this.token = undefined;
    const auth = await this.authenticate();
    return auth ?? this.send(method, path, body, read);
  }

  /**
   * Fetches a token; returns the failure to report, or undefined when the call may go ahead: with a token, or without
   * one when the machine turned out to have no token endpoint (404 / 405).
   */
  private authenticate(): Promise<AidaAnswer | undefined> {
    this.authenticating ??= this.requestToken().finally(() => {
      this.authenticating = undefined;
    });
    return this.authenticating;
  }

  private async requestToken(): Promise<AidaAnswer | undefined> {
    const c = this.credentials;
    if (!c) return undefined;
    const form = new FormData();
    form.set('UserName', c.userName);
    form.set('Password', c.password);
    if (c.clientId) form.set('ClientId', c.clientId);
    if (c.clientSecret) form.set('ClientSecret', c.clientSecret);
    form.set('grant_type', 'password');
    const answer = await this.send('POST', TOKEN_PATH, form);
    if (answer.reach === 'answered' && (answer.status === 404 || answer.status === 405)) {
      // No token endpoint (an AIDA mini, whose published API declares Bearer but offers no way to get one).
      this.tokenEndpoint = 'absent';
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
    this.tokenEndpoint = 'present';
    const text = (answer.body ?? '').trim();
    let token = text;
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === 'string') token = parsed;
      else if (parsed && typeof parsed === 'object' && typeof (parsed as { access_token?: unknown }).access_token === 'string') {
        token = (parsed as { access_token: string }).access_token;
      }
    } catch {
      // A bare JWT is not JSON: use the text as it is.
    }
    this.token = token;
    return undefined;
  }

  private async send(method: 'GET' | 'POST', path: string, body?: unknown, read: 'text' | 'bytes' = 'text'): Promise<AidaAnswer> {
    const url = new URL(path, this.baseUrl).toString();
    const isForm = body instanceof FormData;
    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        method,
        headers: {
          Accept: read === 'bytes' ? 'image/png, image/jpeg' : 'application/json',
          ...(body !== undefined && !isForm ? { 'Content-Type': 'application/json' } : {}),
          ...(this.token && !isForm ? { Authorization: `Bearer ${this.token}` } : {}),
        },
        ...(body !== undefined ? { body: isForm ? body : JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      const code = errorCode(err);
      if (code && UNREACHED_CODES.has(code)) return { reach: 'unreached', error: `${code}: cannot reach ${this.baseUrl}` };
      const timedOut = (err as Error).name === 'TimeoutError';
      return {
        reach: 'ambiguous',
        error: timedOut ? `no answer within ${this.timeoutMs} ms` : `${code ?? (err as Error).name}: ${messageChain(err)}`,
      };
    }
    const reach = [502, 503, 504].includes(response.status) ? 'unreached' : 'answered';
    if (read === 'bytes' && response.ok) {
      try {
        const bytes = new Uint8Array(await response.arrayBuffer());
        return { reach, status: response.status, body: '', bytes, contentType: response.headers.get('content-type') ?? '' };
      } catch (err) {
        return { reach: 'ambiguous', status: response.status, error: `the picture was cut short: ${messageChain(err)}` };
      }
    }
    let text = '';
    try {
      text = await response.text();
    } catch {
      // The status line arrived; a body cut short does not change what AIDA decided.
    }
    return { reach, status: response.status, body: text };
  }
}
