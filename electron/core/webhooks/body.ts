import type { IncomingMessage } from 'node:http';

export const MAX_BODY_BYTES = 1024 * 1024;
/** Past this, an oversized body is no longer drained: the connection is cut after the 413. */
const MAX_DRAIN_BYTES = 64 * MAX_BODY_BYTES;

export interface ReadBody {
  /** What was kept: the whole body, or its first `limit` bytes when it was too large. */
  body: Buffer;
  length: number;
  tooLarge: boolean;
  /** The sender kept sending far past the limit; the socket should be closed. */
  abandoned: boolean;
}

/** Reads a request body, keeping at most `limit` bytes, so that even a refused body can be recorded. */
export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<ReadBody> {
  const chunks: Buffer[] = [];
  let kept = 0;
  let length = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    length += chunk.length;
    if (kept < limit) {
      const part = chunk.subarray(0, limit - kept);
      chunks.push(part);
      kept += part.length;
    }
    if (length > MAX_DRAIN_BYTES) return { body: Buffer.concat(chunks), length, tooLarge: true, abandoned: true };
  }
  return { body: Buffer.concat(chunks), length, tooLarge: length > limit, abandoned: false };
}

const SECRET_HEADER = /^(authorization|proxy-authorization|cookie|x-api-key|api-key|apikey)$|token|secret|password/i;

/** Headers as stored: secrets replaced, so the delivery log can be read and exported without leaking credentials. */
export function redactHeaders(headers: IncomingMessage['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name] = SECRET_HEADER.test(name) ? '[redacted]' : Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** Parses a body as JSON whatever its content type says. A UTF-8 byte-order mark is tolerated. */
export function parseJsonBody(body: Buffer): { ok: true; value: unknown } | { ok: false; reason: string } {
  const text = body.toString('utf8').replace(/^\uFEFF/, '');
  if (text.trim() === '') return { ok: false, reason: 'empty body: a JSON message was expected' };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    // V8's message can quote half of a surrogate pair; made well-formed, the stored reason equals the one answered.
    return { ok: false, reason: `body is not JSON: ${(err as Error).message}`.toWellFormed() };
  }
}
