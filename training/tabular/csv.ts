// Training (tabular): RFC 4180 CSV reading for clinical extracts (quoted fields, doubled quotes,
// line breaks inside quotes, CRLF or LF). Errors name the file and the 1-based line; cell values
// never appear in messages, since they may hold PHI.
import { readFile } from 'node:fs/promises';
import { ValidationError } from '../../shared/domain/errors';

/** A CSV file as strings: the header and each data row with the line it starts on. */
export interface CsvTable {
  file: string;
  header: string[];
  rows: string[][];
  /** 1-based line number where each row starts (the header is line 1). */
  lines: number[];
}

interface CsvRecord {
  fields: string[];
  line: number;
}

/** Split text into records; `line` counts every line break, including those inside quotes. */
function* records(text: string, file: string): Generator<CsvRecord> {
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a UTF-8 byte-order mark is not data
  for (; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else {
        field += c;
        if (c === '\n') line += 1;
      }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      fields.push(field);
      yield { fields, line: start };
      fields = [];
      field = '';
      line += 1;
      start = line;
    } else field += c;
  }
  if (quoted) throw new ValidationError(`${file}: line ${start}: unterminated quoted field`, file);
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    yield { fields, line: start };
  }
}

const isBlank = (r: CsvRecord) => r.fields.length === 1 && r.fields[0]!.trim() === '';

/**
 * Parse CSV text. The first non-blank record is the header; blank lines are skipped; every row
 * must have as many fields as the header. Throws ValidationError naming `file` and the line.
 */
export function parseCsv(text: string, file: string): CsvTable {
  const table: CsvTable = { file, header: [], rows: [], lines: [] };
  let headerSeen = false;
  for (const record of records(text, file)) {
    if (isBlank(record)) continue;
    if (!headerSeen) {
      table.header = record.fields.map((name) => name.trim());
      checkHeader(table.header, file);
      headerSeen = true;
      continue;
    }
    if (record.fields.length !== table.header.length) {
      throw new ValidationError(
        `${file}: line ${record.line}: expected ${table.header.length} fields (as in the header), got ${record.fields.length}`,
        `line ${record.line}`,
      );
    }
    table.rows.push(record.fields);
    table.lines.push(record.line);
  }
  if (!headerSeen) throw new ValidationError(`${file}: the file is empty (no header row)`, file);
  return table;
}

function checkHeader(header: string[], file: string): void {
  const seen = new Set<string>();
  header.forEach((name, j) => {
    if (name === '') {
      throw new ValidationError(`${file}: line 1: column ${j + 1} has no name`, `column ${j + 1}`);
    }
    if (seen.has(name)) {
      throw new ValidationError(`${file}: line 1: column "${name}" appears twice`, name);
    }
    seen.add(name);
  });
}

/** Read and parse a CSV file (UTF-8). */
export async function readCsv(file: string): Promise<CsvTable> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ValidationError(`${file}: cannot read the file`, file, { cause: error });
  }
  return parseCsv(text, file);
}
