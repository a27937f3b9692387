// Domain (ingest): CSV rows in chunks whose MRNs are resolved together (ingest-file.ts,
// PatientIdentifiers.prefetch), bounded by rows and by the rows' raw text, since a chunk is held whole.
import type { SourceRecord } from './source-record';

/** CSV rows whose MRNs are resolved together, at most. */
export const linkChunkRows = 200;

/**
 * Raw text (UTF-16 units) of a chunk's rows, about: a chunk closes before a row that would take it over,
 * and a single row larger than this is a chunk of its own. 200 rows of 64 KiB held at once were 12.5 Mi
 * characters, plus their cells and resources (docs/ingest.md, Memory when the file grows).
 */
export const linkChunkChars = 1024 * 1024;

/**
 * `records` in arrays of up to `rows` records and (but for a single larger record) `chars` characters
 * of raw text; each read whole before it is yielded, none left out or reordered.
 */
export async function* linkChunks(
  records: AsyncIterable<SourceRecord>,
  rows = linkChunkRows,
  chars = linkChunkChars,
): AsyncGenerator<SourceRecord[]> {
  let chunk: SourceRecord[] = [];
  let size = 0;
  for await (const record of records) {
    const length = record.raw?.length ?? 0;
    if (chunk.length > 0 && size + length > chars) {
      yield chunk;
      chunk = [];
      size = 0;
    }
    chunk.push(record);
    size += length;
    if (chunk.length >= rows || size >= chars) {
      yield chunk;
      chunk = [];
      size = 0;
    }
  }
  if (chunk.length) yield chunk;
}
