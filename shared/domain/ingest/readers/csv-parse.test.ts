// Tests (ingest/readers): the streaming RFC 4180 parser, from numbered lines and from arbitrary chunks.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { numberedLines } from '../lines';
import { csvRows, csvRowsFromChunks, type CsvRow } from './csv-parse';

async function fromLines(text: string): Promise<CsvRow[]> {
  const rows: CsvRow[] = [];
  for await (const row of csvRows(numberedLines(Readable.from([Buffer.from(text)]))))
    rows.push(row);
  return rows;
}

async function fromChunks(chunks: (string | Uint8Array)[]): Promise<CsvRow[]> {
  const rows: CsvRow[] = [];
  async function* source() {
    yield* chunks;
  }
  for await (const row of csvRowsFromChunks(source())) rows.push(row);
  return rows;
}

const tricky = '\ufeffid,note\r\n1,"said ""hi"", left"\r\n2,"two\r\nlines"\r\n3,plain\r\n';

describe('Function: csvRows', () => {
  it('parses quotes, doubled quotes, a BOM and CRLF, numbering rows by their first line', async () => {
    // Act
    const rows = await fromLines(tricky);
    // Assess
    expect(rows.map((r) => [r.line, r.cells])).toEqual([
      [1, ['id', 'note']],
      [2, ['1', 'said "hi", left']],
      [3, ['2', 'two\nlines']],
      [5, ['3', 'plain']],
    ]);
    expect(rows[2]!.raw).toBe('2,"two\nlines"');
  });

  it('skips blank lines but keeps a quoted empty cell and a last record without terminator', async () => {
    // Act
    const rows = await fromLines('a,b\n\n"",x\n1,2');
    // Assess
    expect(rows.map((r) => [r.line, r.cells])).toEqual([
      [1, ['a', 'b']],
      [3, ['', 'x']],
      [4, ['1', '2']],
    ]);
  });

  it.each([
    ['a quote inside an unquoted field', 'a,b\n1,x"y\n', 'quote inside an unquoted field'],
    ['text after a closing quote', 'a,b\n1,"x"y\n', 'text after a closing quote'],
    ['an unterminated quote', 'a,b\n1,"open\n2,3\n', 'unterminated quoted field'],
  ])('flags %s on the record where it starts', async (_name, text, reason) => {
    // Act
    const rows = await fromLines(text);
    // Assess
    expect(rows[1]).toMatchObject({ line: 2, error: reason });
  });
});

describe('Function: csvRows with oversized lines', () => {
  it('fails an oversized line and the quoted record it interrupts, then goes on', async () => {
    // Prepare
    const text = 'a,b\n1,"starts\n' + 'x'.repeat(50) + '\n"\n2,ok\n';
    const lines = numberedLines(Readable.from([Buffer.from(text)]), 20);
    // Act
    const rows: CsvRow[] = [];
    for await (const row of csvRows(lines)) rows.push(row);
    // Assess
    expect(rows.map((r) => [r.line, r.error ?? r.cells.join('|')])).toEqual([
      [1, 'a|b'],
      [2, 'record interrupted by an oversized line 3'],
      [3, 'line longer than 16 MiB'],
      [4, 'unterminated quoted field'],
    ]);
  });
});

describe('Function: csvRows with bytes that are not UTF-8', () => {
  it('fails each record holding a line that is not valid UTF-8, naming the line, and goes on', async () => {
    // Prepare: rows 2 and 3 differ only in an invalid byte (Latin-1 ä and ü); row 4 spans lines 4-5,
    // with the bad byte on its second line; row 6 is fine.
    const body = Buffer.concat([
      Buffer.from('id,text\r\nR-'),
      Buffer.from([0xe4]),
      Buffer.from(',one\r\nR-'),
      Buffer.from([0xfc]),
      Buffer.from(',two\r\nR-4,"first\r\nsecond '),
      Buffer.from([0xfc]),
      Buffer.from('"\r\nR-6,fine\r\n'),
    ]);
    // Act
    const rows: CsvRow[] = [];
    for await (const row of csvRows(numberedLines(Readable.from([body])))) rows.push(row);
    // Assess
    expect(rows.map((r) => [r.line, r.error ?? r.cells.join('|')])).toEqual([
      [1, 'id|text'],
      [2, 'line 2 is not valid UTF-8 (CSV extracts must be UTF-8)'],
      [3, 'line 3 is not valid UTF-8 (CSV extracts must be UTF-8)'],
      [4, 'line 5 is not valid UTF-8 (CSV extracts must be UTF-8)'],
      [6, 'R-6|fine'],
    ]);
    expect(rows[1]!.raw).toContain('one'); // the text is kept for the quarantine
  });
});

describe('Function: csvRowsFromChunks', () => {
  it('gives the same rows whatever the chunking, keeping CRLF inside quotes', async () => {
    // Prepare
    const bytes = Buffer.from(tricky);
    const oneByteChunks = [...bytes].map((b) => Uint8Array.of(b));
    // Act
    const whole = await fromChunks([tricky]);
    const split = await fromChunks(oneByteChunks);
    // Assess
    expect(split).toEqual(whole);
    expect(whole[2]!.cells).toEqual(['2', 'two\r\nlines']);
    expect(whole.map((r) => r.line)).toEqual([1, 2, 3, 5]);
  });

  it('fails a record with bytes that are not UTF-8, naming its line, so two ids cannot collapse into one', async () => {
    // Prepare: ids "p\xff" and "p\xfe" would both decode to "p\ufffd"; line 3 opens a quoted field
    // that ends on line 4, whose bytes are bad
    const bytes = Buffer.concat([
      Buffer.from('patient,label\np'),
      Buffer.of(0xff),
      Buffer.from(',1\n"p2\n'),
      Buffer.of(0xfe),
      Buffer.from('",0\np3,1\n'),
    ]);
    const oneByteChunks = [...bytes].map((b) => Uint8Array.of(b));
    // Act
    const whole = await fromChunks([bytes]);
    const split = await fromChunks(oneByteChunks);
    // Assess
    expect(split).toEqual(whole);
    expect(whole.map((r) => [r.line, r.error ?? r.cells.join('|')])).toEqual([
      [1, 'patient|label'],
      [2, 'line 2 is not valid UTF-8 (CSV extracts must be UTF-8)'],
      [3, 'line 4 is not valid UTF-8 (CSV extracts must be UTF-8)'],
      [5, 'p3|1'],
    ]);
  });

  it('fails an oversized line and goes on after it', async () => {
    // Prepare: the limit is 16 MiB; one line just over it between two good ones
    const long = 'x'.repeat(16 * 1024 * 1024 + 1);
    // Act
    const rows = await fromChunks([`a,b\n${long}\n`, 'c,d\n']);
    // Assess
    expect(rows.map((r) => [r.line, r.error ?? r.cells.join('|')])).toEqual([
      [1, 'a|b'],
      [2, 'line longer than 16 MiB'],
      [3, 'c|d'],
    ]);
  });

  it('decodes a multi-byte character split across chunks', async () => {
    // Prepare
    const bytes = Buffer.from('name\nZoë\n');
    // Act
    const rows = await fromChunks([bytes.subarray(0, 7), bytes.subarray(7)]);
    // Assess
    expect(rows[1]!.cells).toEqual(['Zoë']);
  });
});
