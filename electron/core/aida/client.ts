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

export interface AidaClientOptions {
  timeoutMs?: number;
  fetch?: typeof fetch;
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

  constructor(
    readonly baseUrl: string,
    options: AidaClientOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.fetchImpl = options.fetch ?? fetch;
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

  private async call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<AidaAnswer> {
    const url = new URL(path, this.baseUrl).toString();
    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        method,
        headers: { Accept: 'application/json', ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
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
