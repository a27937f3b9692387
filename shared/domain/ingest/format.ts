// Domain: recognise what a file is from its content (not its name) before parsing it.
import { ValidationError } from '../errors';
import type { NumberedLine } from './lines';

export interface DetectedFormat {
  kind: 'fhir-ndjson' | 'unsupported';
  /** The lines to parse (the peeked ones replayed); empty when the whole file is rejected. */
  lines: AsyncIterable<NumberedLine>;
  rejectWholeFile?: ValidationError;
}

/** Peek the first non-blank line and decide; NDJSON is the one format this slice ingests. */
export async function detectFormat(lines: AsyncGenerator<NumberedLine>): Promise<DetectedFormat> {
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
  const unsupported = first && !first.oversized ? unsupportedReason(first.text.trim()) : undefined;
  if (unsupported) {
    await lines.return(undefined);
    return {
      kind: 'unsupported',
      lines: empty(),
      rejectWholeFile: new ValidationError(unsupported),
    };
  }
  return { kind: 'fhir-ndjson', lines: replay(peeked, lines) };
}

function unsupportedReason(text: string): string | undefined {
  if (text.startsWith('##fileformat=VCF'))
    return 'VCF genotype files are not ingested by this version; file kept in raw storage';
  if (
    text === '{' ||
    text === '[' ||
    (text.startsWith('{') && text.includes('"Bundle"') && !text.endsWith('}'))
  ) {
    return 'a multi-line JSON document (e.g. a FHIR Bundle), not FHIR NDJSON; Bundles are not ingested by this version';
  }
  if (!text.startsWith('{')) {
    return 'not FHIR NDJSON (first line is not a JSON object); CSV and text files are not ingested by this version';
  }
  return undefined;
}

async function* replay(
  peeked: NumberedLine[],
  rest: AsyncGenerator<NumberedLine>,
): AsyncGenerator<NumberedLine> {
  yield* peeked;
  yield* rest;
}

async function* empty(): AsyncGenerator<NumberedLine> {}
