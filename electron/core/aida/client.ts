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
  error?: string;
}

export const isSuccess = (a: AidaAnswer): boolean => a.reach === 'answered' && a.status !== undefined && a.status < 300;

export function describeAnswer(a: AidaAnswer): string {
  if (a.status !== undefined) return `HTTP ${a.status}${a.body ? `: ${a.body.slice(0, 500)}` : ''}`;
  return a.error ?? 'no answer';
}

export interface StartParams {
  jobTemplateName?: string | undefined;
  stopAfter?: number | undefined;
  dryRun?: boolean | undefined;
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
}

export const DEFAULT_SIGNAL: SignalSettings = {
  path: '/aida/v1/workflow-scheduler/workflows/signal/external-process-completed',
  instanceKey: 'workflowInstanceId',
};

export interface SignalRequest {
  workflowInstanceId: string;
  outcome: 'Completed' | 'Faulted' | 'Canceled';
  errorReason?: string | undefined;
  /** Used only when its host is the configured machine's: a forged webhook must not make the console POST elsewhere. */
  callbackUrl?: string | undefined;
}

export interface AidaClientOptions {
  timeoutMs?: number;
  fetch?: typeof fetch;
  credentials?: AidaCredentials | undefined;
  signal?: SignalSettings;
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
  private token: string | undefined;

  constructor(
    readonly baseUrl: string,
    options: AidaClientOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.fetchImpl = options.fetch ?? fetch;
    this.credentials = options.credentials;
    this.signalSettings = options.signal ?? DEFAULT_SIGNAL;
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

  /** Tells AIDA the external process of a suspended workflow finished, resuming or rejecting the card. */
  signal(request: SignalRequest): Promise<AidaAnswer> {
    const body: Record<string, unknown> = {
      [this.signalSettings.instanceKey]: request.workflowInstanceId,
      outcome: request.outcome,
      ...(request.errorReason ? { errorReason: request.errorReason } : {}),
    };
    const target = request.callbackUrl && this.isOwnUrl(request.callbackUrl) ? request.callbackUrl : this.signalSettings.path;
    return this.call('POST', target, body);
  }

  metrics(): Promise<AidaAnswer> {
    return this.call('GET', '/aida/v1/workflow-scheduler/metrics');
  }

  /** Not offered by the desktop variant: a 404 then means "not offered", not an error. */
  suspendedInstances(): Promise<AidaAnswer> {
    return this.call('GET', '/aida/v1/workflow-scheduler/workflow-instances/suspended');
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
   * One call with the Bearer token when credentials are configured. A 401 means the request was not applied, so it
   * is repeated once with a fresh token.
   */
  private async call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<AidaAnswer> {
    if (this.credentials && !this.token) {
      const auth = await this.authenticate();
      if (auth) return auth;
    }
    const first = await this.send(method, path, body);
    if (first.status !== 401 || !this.credentials) return first;
    this.token = undefined;
    const auth = await this.authenticate();
    return auth ?? this.send(method, path, body);
  }

  /** Fetches a token; returns the failure to report, or undefined when a token was obtained. */
  private async authenticate(): Promise<AidaAnswer | undefined> {
    const c = this.credentials;
    if (!c) return undefined;
    const form = new FormData();
    form.set('UserName', c.userName);
    form.set('Password', c.password);
    if (c.clientId) form.set('ClientId', c.clientId);
    if (c.clientSecret) form.set('ClientSecret', c.clientSecret);
    form.set('grant_type', 'password');
    const answer = await this.send('POST', '/aida/v1/auth/token', form);
    if (!isSuccess(answer)) {
      // The request needing the token was never sent: for the caller this is "not reached", whatever auth said.
      return { reach: answer.reach === 'answered' ? 'unreached' : answer.reach, error: `authentication failed: ${describeAnswer(answer)}` };
    }
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

  private async send(method: 'GET' | 'POST', path: string, body?: unknown): Promise<AidaAnswer> {
    const url = new URL(path, this.baseUrl).toString();
    const isForm = body instanceof FormData;
    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        method,
        headers: {
          Accept: 'application/json',
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
    let text = '';
    try {
      text = await response.text();
    } catch {
      // The status line arrived; a body cut short does not change what AIDA decided.
    }
    const reach = [502, 503, 504].includes(response.status) ? 'unreached' : 'answered';
    return { reach, status: response.status, body: text };
  }
}
