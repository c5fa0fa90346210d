import { AIDA_ENDPOINTS, endpointOf, offeredBy, type AidaVariant } from './endpoints';
import type { AidaAnswer } from './aida-answer';
import { BearerToken, type AidaCredentials, type TokenEndpoint } from './bearer-token';
import { sendRequest, type HttpRequest, type HttpTarget } from './http-request';

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
  path: AIDA_ENDPOINTS.signal.path,
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
  tokenEndpoint: TokenEndpoint;
}

/**
 * The console's calls to one AIDA machine's REST API, one method an endpoint. Every call has a timeout, and its
 * result says whether the request provably never reached AIDA's application (safe to retry) or may have been applied
 * (reconcile first).
 */
export class AidaClient {
  private readonly http: HttpTarget;
  private readonly signalSettings: SignalSettings;
  private readonly variant: AidaVariant;
  private readonly hasCredentials: boolean;
  private readonly bearer: BearerToken;

  constructor(
    readonly baseUrl: string,
    options: AidaClientOptions = {},
  ) {
    this.http = { baseUrl, fetch: options.fetch ?? fetch, timeoutMs: options.timeoutMs ?? 5000 };
    this.signalSettings = options.signal ?? DEFAULT_SIGNAL;
    this.variant = options.variant ?? 'aida';
    this.hasCredentials = options.credentials !== undefined;
    const tokenRequest = (form: FormData) => sendRequest(this.http, { method: 'POST', path: AIDA_ENDPOINTS.token.path, body: form });
    this.bearer = new BearerToken(options.credentials, this.variant === 'mini', tokenRequest);
  }

  /** What the client found out about the machine's API so far. */
  facts(): AidaApiFacts {
    return { variant: this.variant, credentials: this.hasCredentials, tokenEndpoint: this.bearer.endpoint };
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
    return this.call('GET', AIDA_ENDPOINTS.metrics.path);
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
    return this.call('GET', AIDA_ENDPOINTS.resumeItems.path);
  }

  /** Resumes every workflow suspended with a recoverable error (order kept by AIDA). */
  resume(): Promise<AidaAnswer> {
    return this.call('POST', AIDA_ENDPOINTS.resume.path);
  }

  /**
   * Stops issuance. `abort` cancels running workflows (their cards are rejected). The seed names the flag
   * `stopRunningWorkflows`, the vendor's OpenAPI `stopAllRunningWorkflows`: both are sent.
   */
  stop(abort: boolean): Promise<AidaAnswer> {
    const flag = String(abort);
    return this.call('POST', `${AIDA_ENDPOINTS.stop.path}?stopRunningWorkflows=${flag}&stopAllRunningWorkflows=${flag}`);
  }

  start(params: StartParams): Promise<AidaAnswer> {
    return this.call('POST', AIDA_ENDPOINTS.start.path, params);
  }

  state(): Promise<AidaAnswer> {
    return this.call('GET', AIDA_ENDPOINTS.state.path);
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
    const request: HttpRequest = { method, path, body, read };
    if (this.bearer.wanted && !this.bearer.value) {
      const auth = await this.bearer.authenticate();
      if (auth) return auth;
    }
    const first = await this.send(request);
    if (first.status !== 401 || !this.bearer.wanted) return first;
    this.bearer.forget();
    const auth = await this.bearer.authenticate();
    return auth ?? this.send(request);
  }

  private send(request: HttpRequest): Promise<AidaAnswer> {
    return sendRequest(this.http, { ...request, token: this.bearer.value });
  }
}
