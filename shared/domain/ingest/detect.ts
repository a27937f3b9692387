// Domain (ingest): recognise a file from its content, not its name. Peeks at the first non-blank line
// (already decompressed) and puts the lines it read back in front for the reader chosen.
import type { LineStream, NumberedLine } from './lines';
import { isBulkManifest } from './bulk-manifest';

export type FileKind =
  | 'fhir-ndjson' // one resource per line (Bulk Data), including NDJSON of Bundles
  | 'json-document' // one JSON document: a Bundle, a CSV mapping, a note sidecar or a Bulk Data manifest
  | 'csv' // a delimited extract; needs mapping.json in the same batch
  | 'vcf' // VCF 4.x genotypes
  | 'text' // a plain-text note; needs its sidecar metadata JSON
  | 'empty';

export interface Detected {
  kind: FileKind;
  lines: LineStream;
  /** For `text`: why its first line was not read as a CSV header row (headerProblem). */
  headerProblem?: string;
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
  const kind = first ? kindOf(first) : 'empty';
  if (kind !== 'text' || !first) return { kind, lines };
  const problem = headerProblem(first.text.replace(/^\uFEFF/, '').trim());
  return problem === undefined ? { kind, lines } : { kind, lines, headerProblem: problem };
}

function kindOf(first: NumberedLine): FileKind {
  if (first.oversized) return 'fhir-ndjson'; // only NDJSON lines get that long; the line is quarantined
  const text = first.text.replace(/^\uFEFF/, '').trim();
  if (text.startsWith('##fileformat=VCF')) return 'vcf';
  if (text.startsWith('{') || text.startsWith('[')) {
    try {
      const value = JSON.parse(text) as unknown;
      // A Bulk Data manifest on one line (a server's response body as saved) is a document too.
      return typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        !isBulkManifest(value)
        ? 'fhir-ndjson'
        : 'json-document';
    } catch {
      // A first line that is not JSON on its own: a pretty-printed document, or a truncated NDJSON line.
      return text === '{' || text === '[' || !text.includes('"resourceType"')
        ? 'json-document'
        : 'fhir-ndjson';
    }
  }
  if (headerProblem(text) === undefined) return 'csv';
  return 'text';
}

/** The separators a header row may use (mapping.json's dialect reads ','; the others get its error). */
const separators = [',', '\t', ';'] as const;
const separatorNames: Record<(typeof separators)[number], string> = {
  ',': "','",
  '\t': 'tab',
  ';': "';'",
};

/** Longest column name taken for one; a longer cell is text. */
const maxColumnName = 128;

/**
 * Why `text`, a file's first non-blank line, is not read as a CSV header row, or undefined when it
 * is one: two or more column names separated by ',' (or tab or ';'), each free of control
 * characters and at most 128 characters long, any characters otherwise (`weight [kg]`,
 * `Gewicht_über`, `MRN#`, `SpO2 %`), quoted or not, where only trailing columns may be empty
 * (`a,b,`). So that a note's first line is not taken for one, an unquoted name must not read as
 * prose: more than 8 words, a sentence break inside it (`pain. No fever`, `HPI: 64 yo`), or a
 * full stop, '!' or '?' after two or more words at the end of the line. The reason names columns
 * by number only: without a header this line is a record, and may be patient data.
 * (A file that mapping.json names is read as CSV whatever this says: ingest-file.ts.)
 */
export function headerProblem(text: string): string | undefined {
  let best: { columns: number; problem: string } | undefined;
  for (const sep of separators) {
    const cells = splitCells(text, sep);
    if (cells.length < 2) continue;
    const problem = cellsProblem(cells);
    if (problem === undefined) return undefined;
    if (!best || cells.length > best.columns)
      best = { columns: cells.length, problem: `split at ${separatorNames[sep]}, ${problem}` };
  }
  return best?.problem ?? "it has one column (no ',', tab or ';' between column names)";
}

interface Cell {
  name: string;
  quoted: boolean;
}

function cellsProblem(cells: Cell[]): string | undefined {
  let filled = cells.length;
  while (filled > 0 && cells[filled - 1]!.name === '' && !cells[filled - 1]!.quoted) filled--;
  if (filled < 2) return 'it has fewer than two named columns';
  for (let i = 0; i < filled; i++) {
    const { name, quoted } = cells[i]!;
    const column = `column ${i + 1}`;
    if (name === '' && !quoted) return `${column} is empty`;
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) return `${column} has a control character`;
    if (name.length > maxColumnName) return `${column} is longer than ${maxColumnName} characters`;
    if (quoted) continue;
    const words = name.split(/\s+/).length;
    if (words > 8) return `${column} has ${words} words, more than a column name`;
    if (/[.!?:;]\s+\S/.test(name)) return `${column} reads as prose (a sentence break inside it)`;
    if (i === filled - 1 && words >= 2 && /[.!?]$/.test(name))
      return `${column} reads as prose (it ends a sentence)`;
  }
  return undefined;
}

/** The cells of one line split at `sep`, trimmed; a cell in double quotes (RFC 4180) is unquoted. */
function splitCells(text: string, sep: string): Cell[] {
  const cells: Cell[] = [];
  let i = 0;
  for (;;) {
    while (text[i] === ' ' && sep !== ' ') i++;
    let name = '';
    let quoted = false;
    if (text[i] === '"') {
      quoted = true;
      i++;
      for (; i < text.length; i++) {
        if (text[i] !== '"') name += text[i];
        else if (text[i + 1] === '"') name += text[i++];
        else break;
      }
      i++; // the closing quote (past the end when it is missing)
      const next = text.indexOf(sep, i);
      name += text.slice(i, next === -1 ? text.length : next).trimEnd();
      i = next === -1 ? text.length : next;
    } else {
      const next = text.indexOf(sep, i);
      name = text.slice(i, next === -1 ? text.length : next).trim();
      i = next === -1 ? text.length : next;
    }
    cells.push({ name, quoted });
    if (i >= text.length) return cells;
    i += sep.length;
  }
}
