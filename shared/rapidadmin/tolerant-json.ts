import { nestsDeeperThan, TOO_DEEP_REASON } from '../json-depth';

/**
 * Reads a body as JSON, forgiving trailing commas: the vendor's own Person.Updated example ends an object with one,
 * and a signed body is authentic whatever its syntax. Anything worse is reported, never guessed at; a body nested
 * deeper than MAX_JSON_DEPTH is not read at all (a signed one is kept raw and shown as unreadable).
 */
export type TolerantJson = { ok: true; value: unknown; repaired: boolean } | { ok: false; reason: string };

/** Drops every comma that is followed, past whitespace, by `}` or `]`, leaving string contents untouched. */
function dropTrailingCommas(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i] as string;
    if (inString) {
      out += c;
      if (c === '\\') {
        out += text[i + 1] ?? '';
        i += 1;
      } else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    if (c === ',') {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j] as string)) j += 1;
      if (text[j] === '}' || text[j] === ']') continue;
    }
    out += c;
  }
  return out;
}

export function parseTolerantJson(text: string): TolerantJson {
  const clean = text.replace(/^\uFEFF/, '');
  if (clean.trim() === '') return { ok: false, reason: 'empty body: a JSON message was expected' };
  if (nestsDeeperThan(clean)) return { ok: false, reason: TOO_DEEP_REASON };
  try {
    return { ok: true, value: JSON.parse(clean), repaired: false };
  } catch (strictError) {
    try {
      return { ok: true, value: JSON.parse(dropTrailingCommas(clean)), repaired: true };
    } catch {
      return { ok: false, reason: `body is not JSON: ${(strictError as Error).message}` };
    }
  }
}
