/**
 * How deep a webhook body may nest objects and arrays. Real messages nest a few levels; a body a thousand levels
 * deep is an attack on whatever walks it recursively (JSON.stringify, the trimming of a parsed message, SQLite's
 * json_extract in the event log's indexes, which refuses past 1,000 levels and would fail the transaction holding it).
 */
export const MAX_JSON_DEPTH = 64;

const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Whether `text` nests objects and arrays deeper than `limit`, counted outside strings, in one pass and without
 * parsing or recursion: it is asked before anything parses a body. Text that is not JSON is counted the same way.
 */
export function nestsDeeperThan(text: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i += 1;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      depth += 1;
      if (depth > limit) return true;
    } else if ((c === CLOSE_OBJECT || c === CLOSE_ARRAY) && depth > 0) depth -= 1;
  }
  return false;
}

/** The refusal's reason, the same for every route that reads JSON. */
export const TOO_DEEP_REASON = `body nests objects or arrays more than ${MAX_JSON_DEPTH} levels deep: not read`;
