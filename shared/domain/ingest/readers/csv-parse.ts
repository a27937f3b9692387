// Domain (ingest/readers): streaming RFC 4180 CSV parsing: quoted fields, doubled quotes, CRLF or LF, line
// breaks inside quotes and a leading BOM, from numbered lines or raw chunks, with bounded memory per record.
import { maxLineBytes, numberedLines, type NumberedLine } from '../lines';

/** One CSV record. `line` is where it starts (1-based); `raw` is its text for the quarantine. */
export interface CsvRow {
  line: number;
  cells: string[];
  raw: string;
  /** Set when the record is malformed (RFC 4180 violation); `cells` are then unreliable. */
  error?: string;
}

/** 16 MiB per record, as for an NDJSON line: an unterminated quote cannot swallow the whole file. */
export const maxCsvRecordChars = 16 * 1024 * 1024;

/**
 * A push parser: feed text in any pieces, collect finished rows. Line breaks are counted on LF; a CR is
 * dropped when it ends an unquoted record (CRLF), and kept inside quoted fields.
 */
export class CsvTokenizer {
  private line = 1;
  private start = 1;
  private cells: string[] = [];
  private cell = '';
  private raw = '';
  private quoted = false; // inside a quoted field
  private afterQuote = false; // a quote was just closed (or doubled)
  private error: string | undefined;
  private bomChecked = false;

  constructor(private readonly limit = maxCsvRecordChars) {}

  /** Parse `text`; returns the rows completed by it. Records over the limit come back with an error. */
  feed(text: string): CsvRow[] {
    const rows: CsvRow[] = [];
    if (!this.bomChecked && text.length > 0) {
      this.bomChecked = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    for (const ch of text) {
      if (this.quoted) this.inQuotes(ch);
      else if (ch === '\n') {
        const row = this.endRecord();
        if (row) rows.push(row);
        this.line++;
        this.start = this.line;
        continue;
      } else this.outsideQuotes(ch);
      if (ch === '\n') this.line++;
      if (this.raw.length < this.limit) this.raw += ch;
      else this.error ??= `record longer than ${this.limit} characters (unterminated quote?)`;
    }
    return rows;
  }

  /** Finish the input: the last record may lack a terminator; an open quote is an error. */
  end(): CsvRow[] {
    if (this.quoted) this.error ??= 'unterminated quoted field';
    const row = this.endRecord();
    return row ? [row] : [];
  }

  private inQuotes(ch: string): void {
    if (ch === '"') {
      this.quoted = false;
      this.afterQuote = true;
    } else this.append(ch);
  }

  private outsideQuotes(ch: string): void {
    if (ch === ',') {
      this.cells.push(this.cell);
      this.cell = '';
      this.afterQuote = false;
    } else if (ch === '"') {
      if (this.afterQuote) {
        this.append('"'); // a doubled quote inside a quoted field: reopen it
        this.quoted = true;
      } else if (this.cell === '') this.quoted = true;
      else this.error ??= 'quote inside an unquoted field';
      this.afterQuote = false;
    } else if (ch === '\r') {
      // Dropped: RFC 4180 allows CR outside quotes only in the CRLF terminator.
    } else if (this.afterQuote) {
      this.error ??= 'text after a closing quote';
    } else this.append(ch);
  }

  private append(ch: string): void {
    if (this.cell.length < this.limit) this.cell += ch;
  }

  /**
   * Fail the record that the next text fed belongs to (the one in progress, or the one starting
   * with it): its line `line` was not valid UTF-8, so its cells are not what the hospital sent.
   */
  failNext(reason: string): void {
    this.error ??= reason;
  }

  /** Drop a record in progress (its input was lost); returns its start line, and goes on at `nextLine`. */
  discard(nextLine: number): number | undefined {
    const pending = this.quoted || this.raw !== '' ? this.start : undefined;
    this.cells = [];
    this.cell = '';
    this.raw = '';
    this.quoted = false;
    this.afterQuote = false;
    this.error = undefined;
    this.line = nextLine;
    this.start = nextLine;
    return pending;
  }

  private endRecord(): CsvRow | undefined {
    this.cells.push(this.cell);
    const row: CsvRow = { line: this.start, cells: this.cells, raw: this.raw };
    if (this.error) row.error = this.error;
    const blank = this.cells.length === 1 && this.cells[0] === '' && !this.afterQuote;
    this.cells = [];
    this.cell = '';
    this.raw = '';
    this.afterQuote = false;
    this.error = undefined;
    return blank && !row.error ? undefined : row;
  }
}

/**
 * Rows from numbered lines (numberedLines). Its CR stripping means a CRLF inside a quoted field reads as
 * LF. An oversized line fails, with the record it interrupted, and parsing goes on after it. A record
 * with a line that is not valid UTF-8 fails naming that line (as an NDJSON line does): decoded, its
 * bad bytes would all read as U+FFFD, so two keys differing only there would collapse into one.
 */
export async function* csvRows(lines: AsyncIterable<NumberedLine>): AsyncGenerator<CsvRow> {
  const tokenizer = new CsvTokenizer();
  for await (const { line, text, oversized, invalidUtf8 } of lines) {
    if (oversized) {
      const pending = tokenizer.discard(line + 1);
      if (pending !== undefined && pending !== line) {
        yield {
          line: pending,
          cells: [],
          raw: '',
          error: `record interrupted by an oversized line ${line}`,
        };
      }
      yield { line, cells: [], raw: '', error: 'line longer than 16 MiB' };
      continue;
    }
    if (invalidUtf8)
      tokenizer.failNext(`line ${line} is not valid UTF-8 (CSV extracts must be UTF-8)`);
    yield* tokenizer.feed(`${text}\n`);
  }
  yield* tokenizer.end();
}

/**
 * Rows from raw UTF-8 bytes or text in any chunking (a record may span chunks); line breaks kept
 * exactly, so a CRLF inside a quoted field stays CRLF. Oversized lines and lines that are not valid
 * UTF-8 fail their record, naming the line, as in csvRows.
 */
export async function* csvRowsFromChunks(
  chunks: AsyncIterable<Uint8Array | string>,
): AsyncGenerator<CsvRow> {
  yield* csvRows(numberedLines(chunks, maxLineBytes, { keepCr: true }));
}
