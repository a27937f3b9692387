// Tests (ingest/readers): the CSV tokenizer that builds cells and raw text from slices gives exactly the
// rows of the one it replaced, which built them a character at a time (the oracle below, copied from
// csv-parse.ts as of 38f0a98), over random text, feed splits, limits, failNext and discard.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvTokenizer, maxCsvRecordChars, type CsvRow } from './csv-parse';

/** The previous CsvTokenizer, verbatim but for its name: the oracle. */
class OracleTokenizer {
  private line = 1;
  private start = 1;
  private cells: string[] = [];
  private cell = '';
  private raw = '';
  private quoted = false;
  private afterQuote = false;
  private error: string | undefined;
  private bomChecked = false;

  constructor(private readonly limit = maxCsvRecordChars) {}

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
        this.append('"');
        this.quoted = true;
      } else if (this.cell === '') this.quoted = true;
      else this.error ??= 'quote inside an unquoted field';
      this.afterQuote = false;
    } else if (ch === '\r') {
      // Dropped.
    } else if (this.afterQuote) {
      this.error ??= 'text after a closing quote';
    } else this.append(ch);
  }

  private append(ch: string): void {
    if (this.cell.length < this.limit) this.cell += ch;
  }

  failNext(reason: string): void {
    this.error ??= reason;
  }

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

type Op =
  | { kind: 'feed'; text: string }
  | { kind: 'failNext'; reason: string }
  | { kind: 'discard'; nextLine: number };

/** What a tokenizer returns for each operation, then for `end()`. */
function run(tokenizer: CsvTokenizer | OracleTokenizer, ops: Op[]): unknown[] {
  const out: unknown[] = ops.map((op) =>
    op.kind === 'feed'
      ? tokenizer.feed(op.text)
      : op.kind === 'failNext'
        ? tokenizer.failNext(op.reason)
        : tokenizer.discard(op.nextLine),
  );
  out.push(tokenizer.end());
  return out;
}

// Mostly the characters the parser acts on, with a BOM, two-unit characters, a lone surrogate and
// runs of plain text long enough to be sliced rather than copied.
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(',', '"', '""', '\r', '\n', '\r\n', '\ufeff') },
  { weight: 4, arbitrary: fc.constantFrom('a', 'Zoë', '😀', '\ud800', '\udc00', ' ', '\u00e4') },
  { weight: 1, arbitrary: fc.string({ minLength: 10, maxLength: 40 }) },
);
const text = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 8, arbitrary: text.map((t): Op => ({ kind: 'feed', text: t })) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('line 2 is not valid UTF-8', 'other')
      .map((reason): Op => ({ kind: 'failNext', reason })),
  },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 1, max: 50 })
      .map((nextLine): Op => ({ kind: 'discard', nextLine })),
  },
);

describe('Class: CsvTokenizer, against the character-at-a-time parser it replaced', () => {
  it('gives the same rows, lines, raw text and errors for any input, feeds and limit', () => {
    fc.assert(
      fc.property(
        fc.array(op, { maxLength: 12 }),
        fc.oneof(fc.integer({ min: 0, max: 24 }), fc.constant(maxCsvRecordChars)),
        (ops, limit) => {
          expect(run(new CsvTokenizer(limit), ops)).toEqual(run(new OracleTokenizer(limit), ops));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('splits a pair of surrogates fed apart as two characters, as before, and keeps a pair whole at the limit', () => {
    // Prepare: a limit of 2 reached in the middle of an astral character ('a' + '😀' is 3 units)
    const ops: Op[] = [
      { kind: 'feed', text: 'a😀b,\ud83d' },
      { kind: 'feed', text: '\ude00c\n' },
    ];
    // Act
    const rows = run(new CsvTokenizer(2), ops);
    // Assess
    expect(rows).toEqual(run(new OracleTokenizer(2), ops));
    expect(rows[1]).toEqual([
      {
        line: 1,
        cells: ['a😀', '\ud83d\ude00'],
        raw: 'a😀',
        error: 'record longer than 2 characters (unterminated quote?)',
      },
    ]);
  });
});
