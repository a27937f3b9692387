// Domain (ingest): one NDJSON line to JSON, with errors that name the position but never quote the line.
import { ValidationError } from '../errors';

/** Parse JSON without echoing input text in the error (V8 messages quote the input, which may be PHI). */
export function parseJsonLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch (error) {
    const position = /position (\d+)/.exec(String((error as Error).message))?.[1];
    const atEnd = position !== undefined && Number(position) >= line.trimEnd().length;
    const truncated =
      atEnd || /end of (JSON )?input|Unterminated/i.test(String((error as Error).message));
    const reason = truncated
      ? 'not valid JSON: the line ends before the JSON does (truncated?)'
      : `not valid JSON${position ? ` at character ${position}` : ''}`;
    throw new ValidationError(reason, undefined, { cause: undefined });
  }
}

const jsonNumber = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * Where `text` stops being JSON (RFC 8259): the offset of the first character that cannot continue
 * it, `text.length` when it ends too soon, undefined when it is valid JSON. For error messages after
 * JSON.parse failed: V8 does not always say where ("Unexpected token '}', ... is not valid JSON"),
 * and quotes the text when it does not. One pass, no recursion (any nesting depth).
 */
export function jsonSyntaxErrorAt(text: string): number | undefined {
  const n = text.length;
  let i = 0;
  const closers: string[] = [];
  const skipSpace = (): void => {
    for (let c = text.charCodeAt(i); c === 32 || c === 10 || c === 13 || c === 9;)
      c = text.charCodeAt(++i);
  };
  // A string starting at i; -1 when it closed (i after it), else where it went wrong.
  const string = (): number => {
    for (i++; i < n;) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return -1;
      }
      if (c < 0x20) return i;
      if (c !== 0x5c) {
        i++;
        continue;
      }
      const escape = text[i + 1];
      if (escape === undefined) return n;
      if (escape === 'u') {
        for (let k = 2; k < 6; k++) {
          if (i + k >= n) return n;
          if (!/[0-9a-fA-F]/.test(text[i + k]!)) return i + k;
        }
        i += 6;
      } else if ('"\\/bfnrt'.includes(escape)) i += 2;
      else return i + 1;
    }
    return n;
  };
  // An object member's name and colon, at i; -1 when read, else where it went wrong.
  const member = (): number => {
    skipSpace();
    if (i >= n) return n;
    if (text[i] !== '"') return i;
    const failed = string();
    if (failed >= 0) return failed;
    skipSpace();
    if (i >= n) return n;
    if (text[i] !== ':') return i;
    i++;
    return -1;
  };
  let valueDue = true;
  for (;;) {
    skipSpace();
    if (valueDue) {
      if (i >= n) return n;
      const c = text[i]!;
      if (c === '{' || c === '[') {
        i++;
        skipSpace();
        if (text[i] === (c === '{' ? '}' : ']')) {
          i++;
          valueDue = false;
          continue;
        }
        if (c === '{') {
          const failed = member();
          if (failed >= 0) return failed;
        }
        closers.push(c === '{' ? '}' : ']');
        continue;
      }
      if (c === '"') {
        const failed = string();
        if (failed >= 0) return failed;
      } else if (c === 't' || c === 'f' || c === 'n') {
        const word = c === 't' ? 'true' : c === 'f' ? 'false' : 'null';
        for (let k = 0; k < word.length; k++) {
          if (i + k >= n) return n;
          if (text[i + k] !== word[k]) return i + k;
        }
        i += word.length;
      } else {
        jsonNumber.lastIndex = i;
        if (!jsonNumber.test(text)) return c === '-' ? Math.min(i + 1, n) : i;
        i = jsonNumber.lastIndex;
      }
      valueDue = false;
      continue;
    }
    const closer = closers[closers.length - 1];
    if (closer === undefined) return i < n ? i : undefined;
    if (i >= n) return n;
    if (text[i] === closer) {
      closers.pop();
      i++;
    } else if (text[i] === ',') {
      i++;
      if (closer === '}') {
        const failed = member();
        if (failed >= 0) return failed;
      }
      valueDue = true;
    } else return i;
  }
}
