/**
 * Where a text stops being JSON, as "line L, column C", for a config file JSON.parse refused. The parser's own
 * message quotes the text around the fault, which may be a secret (a token pasted without its quotes), so that
 * message never reaches the log or the screen: this scan finds the place without quoting anything.
 *
 * Iterative (no recursion), so a file nested a million levels deep is measured like any other.
 */
export function jsonFaultPlace(text: string): string {
  const at = faultOffset(text);
  if (at === undefined) return 'not valid JSON';
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  return at >= text.length ? `it ends too soon (line ${line}, column ${column})` : `line ${line}, column ${column}`;
}

type Expect = 'value' | 'value-or-end' | 'key' | 'key-or-end' | 'after';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/** The offset of the first character a JSON parser refuses (the text's length when it ends too soon); undefined if none. */
function faultOffset(text: string): number | undefined {
  const n = text.length;
  const stack: string[] = [];
  let i = 0;
  let expect: Expect = 'value';
  /** At an opening quote: the offset after the closing one, or the negative offset of the fault. */
  const string = (): number => {
    let j = i + 1;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 0x22) return j + 1;
      if (c === 0x5c) {
        ESCAPE.lastIndex = j;
        if (!ESCAPE.test(text)) return -j;
        j = ESCAPE.lastIndex;
      } else if (c < 0x20) return -j;
      else j++;
    }
    return -n;
  };
  for (;;) {
    while (i < n && ' \t\n\r'.includes(text.charAt(i))) i++;
    const c = text.charAt(i);
    if (expect === 'after') {
      const top = stack.at(-1);
      if (top === undefined) return i < n ? i : undefined;
      if (c === ',') expect = top === '{' ? 'key' : 'value';
      else if (c === (top === '{' ? '}' : ']')) stack.pop();
      else return i;
      i++;
      continue;
    }
    if (i >= n) return n;
    if (expect === 'key' || expect === 'key-or-end') {
      if (expect === 'key-or-end' && c === '}') {
        stack.pop();
        expect = 'after';
        i++;
        continue;
      }
      if (c !== '"') return i;
      const end = string();
      if (end < 0) return -end;
      i = end;
      while (i < n && ' \t\n\r'.includes(text.charAt(i))) i++;
      if (text.charAt(i) !== ':') return i;
      expect = 'value';
      i++;
      continue;
    }
    if (expect === 'value-or-end' && c === ']') {
      stack.pop();
      expect = 'after';
      i++;
      continue;
    }
    if (c === '{' || c === '[') {
      stack.push(c);
      expect = c === '{' ? 'key-or-end' : 'value-or-end';
      i++;
      continue;
    }
    if (c === '"') {
      const end = string();
      if (end < 0) return -end;
      i = end;
    } else {
      const match = [NUMBER, LITERAL].find((re) => {
        re.lastIndex = i;
        return re.test(text);
      });
      if (!match) return i;
      i = match.lastIndex;
    }
    expect = 'after';
  }
}
