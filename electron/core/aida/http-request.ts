import type { AidaAnswer } from './aida-answer';

/** Where and how long: one machine's API base URL, the fetch to use, and how long a request may take. */
export interface HttpTarget {
  baseUrl: string;
  fetch: typeof fetch;
  timeoutMs: number;
}

export interface HttpRequest {
  method: 'GET' | 'POST';
  path: string;
  /** JSON, or a form (the token request), which goes without the Bearer token. */
  body?: unknown;
  read?: 'text' | 'bytes';
  token?: string | undefined;
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

/**
 * One HTTP request with a timeout. The answer says whether it provably never reached AIDA's application (safe to
 * retry) or may have been applied (reconcile first); it never throws.
 */
export async function sendRequest(target: HttpTarget, request: HttpRequest): Promise<AidaAnswer> {
  const { method, path, body, read = 'text', token } = request;
  const url = new URL(path, target.baseUrl).toString();
  const isForm = body instanceof FormData;
  let response: Response;
  try {
    response = await target.fetch(url, {
      method,
      headers: {
        Accept: read === 'bytes' ? 'image/png, image/jpeg' : 'application/json',
        ...(body !== undefined && !isForm ? { 'Content-Type': 'application/json' } : {}),
        ...(token && !isForm ? { Authorization: `Bearer ${token}` } : {}),
      },
      ...(body !== undefined ? { body: isForm ? body : JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(target.timeoutMs),
    });
  } catch (err) {
    const code = errorCode(err);
    if (code && UNREACHED_CODES.has(code)) return { reach: 'unreached', error: `${code}: cannot reach ${target.baseUrl}` };
    const timedOut = (err as Error).name === 'TimeoutError';
    return {
      reach: 'ambiguous',
      error: timedOut ? `no answer within ${target.timeoutMs} ms` : `${code ?? (err as Error).name}: ${messageChain(err)}`,
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
