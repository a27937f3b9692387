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
 *
 * Cells and raw text are built from slices of the text fed (runs between the characters that end
 * them), joined when the cell or record ends: never a character at a time with `+=`, which in V8 makes
 * a cons-string of about 64 bytes of heap per character (a 64 KiB row cost 4 MiB; docs/ingest.md,
 * Memory when the file grows). Lengths and limits count UTF-16 units, a character (code point) being
 * kept or dropped whole.
 */
export class CsvTokenizer {
  private line = 1;
  private start = 1;
  private cells: string[] = [];
  /** The cell in progress: `cellPieces` then the run `cellFrom..cellTo` of `text`; `cellLength` in all. */
  private cellPieces: string[] = [];
  private cellFrom = -1;
  private cellTo = -1;
  private cellLength = 0;
  /** The record's raw text in progress, likewise. */
  private rawPieces: string[] = [];
  private rawFrom = -1;
  private rawTo = -1;
  private rawLength = 0;
  /** The text being fed (runs are slices of it); '' between feeds. */
  private text = '';
  private quoted = false; // inside a quoted field
  private afterQuote = false; // a quote was just closed (or doubled)
  private error: string | undefined;
  private bomChecked = false;

  constructor(private readonly limit = maxCsvRecordChars) {}

  /** Parse `text`; returns the rows completed by it. Records over the limit come back with an error. */
  feed(text: string): CsvRow[] {
    const rows: CsvRow[] = [];
    let i = 0;
    if (!this.bomChecked && text.length > 0) {
      this.bomChecked = true;
      if (text.charCodeAt(0) === 0xfeff) i = 1;
    }
    this.text = text;
    const n = text.length;
    while (i < n) {
      const ch = text.charCodeAt(i);
      // A surrogate pair is one character (as `for...of` reads it); a lone surrogate is one unit.
      const width =
        ch >= 0xd800 && ch <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00
          ? 2
          : 1;
      if (this.quoted) this.inQuotes(ch, i, width);
      else if (ch === lf) {
        const row = this.endRecord();
        if (row) rows.push(row);
        this.line++;
        this.start = this.line;
        i++;
        continue;
      } else this.outsideQuotes(ch, i, width);
      if (ch === lf) this.line++;
      if (this.rawLength < this.limit) {
        if (this.rawTo !== i) {
          this.flushRaw();
          this.rawFrom = i;
        }
        this.rawTo = i + width;
        this.rawLength += width;
      } else this.error ??= `record longer than ${this.limit} characters (unterminated quote?)`;
      i += width;
    }
    this.flushCell();
    this.flushRaw();
    this.text = '';
    return rows;
  }

  /** Finish the input: the last record may lack a terminator; an open quote is an error. */
  end(): CsvRow[] {
    if (this.quoted) this.error ??= 'unterminated quoted field';
    const row = this.endRecord();
    return row ? [row] : [];
  }

  private inQuotes(ch: number, i: number, width: number): void {
    if (ch === quote) {
      this.quoted = false;
      this.afterQuote = true;
    } else this.append(i, width);
  }

  private outsideQuotes(ch: number, i: number, width: number): void {
    if (ch === comma) {
      this.cells.push(this.takeCell());
      this.afterQuote = false;
    } else if (ch === quote) {
      if (this.afterQuote) {
        this.append(i, width); // a doubled quote inside a quoted field: reopen it
        this.quoted = true;
      } else if (this.cellLength === 0) this.quoted = true;
      else this.error ??= 'quote inside an unquoted field';
      this.afterQuote = false;
    } else if (ch === cr) {
      // Dropped: RFC 4180 allows CR outside quotes only in the CRLF terminator.
    } else if (this.afterQuote) {
      this.error ??= 'text after a closing quote';
    } else this.append(i, width);
  }

  /** The character at `i` of the text fed joins the cell (up to the limit). */
  private append(i: number, width: number): void {
    if (this.cellLength >= this.limit) return;
    if (this.cellTo !== i) {
      this.flushCell();
      this.cellFrom = i;
    }
    this.cellTo = i + width;
    this.cellLength += width;
  }

  private flushCell(): void {
    if (this.cellTo > this.cellFrom)
      this.cellPieces.push(this.text.slice(this.cellFrom, this.cellTo));
    this.cellFrom = this.cellTo = -1;
  }

  private flushRaw(): void {
    if (this.rawTo > this.rawFrom) this.rawPieces.push(this.text.slice(this.rawFrom, this.rawTo));
    this.rawFrom = this.rawTo = -1;
  }

  /** The cell in progress, which starts anew. */
  private takeCell(): string {
    this.flushCell();
    const cell = joined(this.cellPieces);
    this.cellPieces = [];
    this.cellLength = 0;
    return cell;
  }

  /** The raw text of the record in progress, which starts anew. */
  private takeRaw(): string {
    this.flushRaw();
    const raw = joined(this.rawPieces);
    this.rawPieces = [];
    this.rawLength = 0;
    return raw;
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
    const pending = this.quoted || this.rawLength > 0 ? this.start : undefined;
    this.cells = [];
    this.takeCell();
    this.takeRaw();
    this.quoted = false;
    this.afterQuote = false;
    this.error = undefined;
    this.line = nextLine;
    this.start = nextLine;
    return pending;
  }

  private endRecord(): CsvRow | undefined {
    this.cells.push(this.takeCell());
    const row: CsvRow = { line: this.start, cells: this.cells, raw: this.takeRaw() };
    if (this.error) row.error = this.error;
    const blank = this.cells.length === 1 && this.cells[0] === '' && !this.afterQuote;
    this.cells = [];
    this.afterQuote = false;
    this.error = undefined;
    return blank && !row.error ? undefined : row;
  }
}

const lf = 0x0a;
const cr = 0x0d;
const quote = 0x22;
const comma = 0x2c;

/** `pieces` as one string (a single piece as it is). */
function joined(pieces: string[]): string {
  return pieces.length === 1 ? pieces[0]! : pieces.join('');
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
