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
