// Domain (ingest): recognise a file from its content, not its name. Peeks at the first non-blank line
// (already decompressed) and puts the lines it read back in front for the reader chosen.
import type { LineStream, NumberedLine } from './lines';

export type FileKind =
  | 'fhir-ndjson' // one resource per line (Bulk Data), including NDJSON of Bundles
  | 'json-document' // one multi-line JSON document: a Bundle, a CSV mapping or a note sidecar
  | 'csv' // a delimited extract; needs mapping.json in the same batch
  | 'vcf' // VCF 4.x genotypes
  | 'text' // a plain-text note; needs its sidecar metadata JSON
  | 'empty';

export interface Detected {
  kind: FileKind;
  lines: LineStream;
}

/** Decide the kind from the first non-blank line; the returned lines include every peeked line. */
export async function detectKind(lines: LineStream): Promise<Detected> {
  const peeked: NumberedLine[] = [];
  let first: NumberedLine | undefined;
  for (;;) {
    const next = await lines.next();
    if (next.done) break;
    peeked.push(next.value);
    if (next.value.oversized || next.value.text.trim() !== '') {
      first = next.value;
      break;
    }
  }
  lines.unread(peeked);
  return { kind: first ? kindOf(first) : 'empty', lines };
}

function kindOf(first: NumberedLine): FileKind {
  if (first.oversized) return 'fhir-ndjson'; // only NDJSON lines get that long; the line is quarantined
  const text = first.text.replace(/^\uFEFF/, '').trim();
  if (text.startsWith('##fileformat=VCF')) return 'vcf';
  if (text.startsWith('{') || text.startsWith('[')) {
    try {
      const value = JSON.parse(text) as unknown;
      return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? 'fhir-ndjson'
        : 'json-document';
    } catch {
      // A first line that is not JSON on its own: a pretty-printed document, or a truncated NDJSON line.
      return text === '{' || text === '[' || !text.includes('"resourceType"')
        ? 'json-document'
        : 'fhir-ndjson';
    }
  }
  if (looksDelimited(text)) return 'csv';
  return 'text';
}

/** A header row: several comma- (or tab/semicolon-) separated, identifier-like column names. */
function looksDelimited(text: string): boolean {
  for (const sep of [',', '\t', ';']) {
    const cells = text.split(sep);
    if (cells.length >= 3 && cells.every((c) => /^\s*"?[A-Za-z_][\w .()/-]{0,63}"?\s*$/.test(c)))
      return true;
  }
  return false;
}
