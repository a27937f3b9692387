// Domain (nlp/importers): a streaming line reader over chunks (a file or HTTP stream the caller opens),
// so multi-gigabyte releases (MRCONSO.RRF is ~2 GB) are never held in memory.

/** Lines of `chunks` (UTF-8 bytes or strings), without their "\n" / "\r\n" endings, with 1-based numbers. */
export async function* readLines(
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
): AsyncGenerator<{ line: string; number: number }> {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  let number = 0;
  for await (const chunk of chunks) {
    pending += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let nl = pending.indexOf('\n');
    while (nl >= 0) {
      yield { line: stripCr(pending.slice(0, nl)), number: ++number };
      pending = pending.slice(nl + 1);
      nl = pending.indexOf('\n');
    }
  }
  pending += decoder.decode();
  if (pending.length > 0) yield { line: stripCr(pending), number: ++number };
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/** Split a pipe-delimited RRF line (UMLS/RxNorm Rich Release Format; the trailing "|" is dropped). */
export function rrfFields(line: string): string[] {
  const fields = line.split('|');
  if (fields[fields.length - 1] === '') fields.pop();
  return fields;
}
