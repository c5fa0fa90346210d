import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { nestsDeeperThan, TOO_DEEP_REASON } from '../../../shared/json-depth';

export const MAX_BODY_BYTES = 1024 * 1024;
/** Past this, an oversized body is no longer read: the 413 is answered and the connection closed after it. */
export const MAX_DRAIN_BYTES = 64 * MAX_BODY_BYTES;

export interface ReadBody {
  /** What was kept: the whole body, or its first `limit` bytes when it was too large. */
  body: Buffer;
  length: number;
  tooLarge: boolean;
  /** The sender kept sending far past the limit; the socket should be closed. */
  abandoned: boolean;
}

/**
 * Reads a request body, keeping at most `limit` bytes, so that even a refused body can be recorded. Rejects when the
 * sender goes away mid-body. Past `drain` bytes it stops reading without destroying the request: the caller still
 * records the delivery and answers it (413, then the connection is closed).
 */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES, drain = MAX_DRAIN_BYTES): Promise<ReadBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    let length = 0;
    const done = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      length += chunk.length;
      if (kept < limit) {
        const part = chunk.subarray(0, limit - kept);
        chunks.push(part);
        kept += part.length;
      }
      if (length > drain) {
        done();
        req.pause();
        resolve({ body: Buffer.concat(chunks), length, tooLarge: true, abandoned: true });
      }
    };
    const onEnd = () => {
      done();
      resolve({ body: Buffer.concat(chunks), length, tooLarge: length > limit, abandoned: false });
    };
    const onError = (err: Error) => {
      done();
      reject(err);
    };
    // Closed before its end: the sender hung up mid-body.
    const onClose = () => onError(new Error('the sender closed the connection before the end of the body'));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

/** Header names that carry credentials, whatever surrounds the word (`x-idv-key`, `x-auth-user`, `x-jwt`, `set-cookie`). */
const SECRET_HEADER = /token|secret|passw|key|auth|jwt|cookie/i;

/** Headers whose value is kept as a fingerprint only: enough to tell two apart, not to replay the delivery. */
const FINGERPRINTED = new Set(['x-signature']);

/** `sha256:` and the first 16 hex digits of the value's SHA-256. */
export function fingerprint(value: string): string {
  return `sha256:${createHash('sha256').update(value, 'utf8').digest('hex').slice(0, 16)}`;
}

/**
 * Headers as stored: secrets replaced, so the delivery log can be read and exported without leaking credentials, and
 * a signature replaced by its fingerprint, so a stored body and its signature cannot be replayed as a signed delivery.
 */
export function redactHeaders(headers: IncomingMessage['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : value;
    out[name] = SECRET_HEADER.test(name) ? '[redacted]' : FINGERPRINTED.has(name.toLowerCase()) ? fingerprint(text) : text;
  }
  return out;
}

/**
 * Parses a body as JSON whatever its content type says. A UTF-8 byte-order mark is tolerated; a body nested deeper
 * than MAX_JSON_DEPTH is not parsed (nothing downstream has to walk it, inside the transaction or out).
 */
export function parseJsonBody(body: Buffer): { ok: true; value: unknown } | { ok: false; reason: string } {
  const text = body.toString('utf8').replace(/^\uFEFF/, '');
  if (text.trim() === '') return { ok: false, reason: 'empty body: a JSON message was expected' };
  if (nestsDeeperThan(text)) return { ok: false, reason: TOO_DEEP_REASON };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    // V8's message can quote half of a surrogate pair; made well-formed, the stored reason equals the one answered.
    return { ok: false, reason: `body is not JSON: ${(err as Error).message}`.toWellFormed() };
  }
}
