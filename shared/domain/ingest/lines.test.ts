import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decompressIfGzip, numberedLines, type NumberedLine } from './lines';

/** A byte source that yields exactly the given chunks, so tests control where chunk boundaries fall. */
async function* chunks(...parts: (string | Uint8Array)[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
}

async function collect(lines: AsyncIterable<NumberedLine>): Promise<NumberedLine[]> {
  const out: NumberedLine[] = [];
  for await (const line of lines) out.push(line);
  return out;
}

async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(Buffer.from(part as Uint8Array));
  return Buffer.concat(parts);
}

describe('Function: numberedLines', () => {
  it('splits LF lines and numbers them from 1', async () => {
    // Act
    const lines = await collect(numberedLines(chunks('{"a":1}\n{"b":2}\n')));

    // Assess
    expect(lines).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 2, text: '{"b":2}' },
    ]);
  });

  it('splits CRLF lines without keeping the carriage return', async () => {
    // Act
    const lines = await collect(numberedLines(chunks('first\r\nsecond\r\n')));

    // Assess
    expect(lines).toEqual([
      { line: 1, text: 'first' },
      { line: 2, text: 'second' },
    ]);
  });

  it('keeps blank lines so later line numbers match the file', async () => {
    // Act
    const lines = await collect(numberedLines(chunks('a\n\nc\n')));

    // Assess
    expect(lines).toEqual([
      { line: 1, text: 'a' },
      { line: 2, text: '' },
      { line: 3, text: 'c' },
    ]);
  });

  it('reads a final line that has no trailing newline', async () => {
    // Act
    const lines = await collect(numberedLines(chunks('a\nlast')));

    // Assess
    expect(lines).toEqual([
      { line: 1, text: 'a' },
      { line: 2, text: 'last' },
    ]);
  });

  it('joins a line split across chunks, including a CRLF split between chunks', async () => {
    // Act
    const lines = await collect(
      numberedLines(chunks('{"resource', 'Type":"Pat', 'ient"}\r', '\nnext\n')),
    );

    // Assess
    expect(lines).toEqual([
      { line: 1, text: '{"resourceType":"Patient"}' },
      { line: 2, text: 'next' },
    ]);
  });

  it('decodes a multi-byte UTF-8 character split across a chunk boundary', async () => {
    // Prepare: "Zoë 😀" — split inside both the 2-byte ë and the 4-byte emoji.
    const bytes = Buffer.from('Zoë 😀\n', 'utf8');
    const splitInE = bytes.indexOf(0xc3) + 1;
    const splitInEmoji = bytes.indexOf(0xf0) + 2;

    // Act
    const lines = await collect(
      numberedLines(
        chunks(
          bytes.subarray(0, splitInE),
          bytes.subarray(splitInE, splitInEmoji),
          bytes.subarray(splitInEmoji),
        ),
      ),
    );

    // Assess
    expect(lines).toEqual([{ line: 1, text: 'Zoë 😀' }]);
  });

  it('flags only the lines whose bytes are not valid UTF-8, whatever else the chunk holds', async () => {
    // Prepare: a stray byte, an encoded surrogate and an overlong "/" (all rejected by WHATWG UTF-8).
    const bad = [[0xff], [0xed, 0xa0, 0x80], [0xc0, 0xaf]].map((b) => Buffer.from(b));
    const chunk = Buffer.concat([
      Buffer.from('ok\n'),
      ...bad.flatMap((b) => [b, Buffer.from('\n')]),
      Buffer.from('fine\n'),
    ]);

    // Act
    const lines = await collect(numberedLines(chunks(chunk)));

    // Assess
    expect(lines.map((l) => [l.line, l.invalidUtf8 === true])).toEqual([
      [1, false],
      [2, true],
      [3, true],
      [4, true],
      [5, false],
    ]);
    expect([lines[0]!.text, lines[4]!.text]).toEqual(['ok', 'fine']);
  });

  it('drops a byte order mark that starts a line, in a valid chunk as beside an invalid line', async () => {
    // Prepare: the same BOM lines, once in a chunk that is valid UTF-8 and once beside a bad byte.
    const bomLines = '\ufeff{"a":1}\r\n\ufeff\r\n{"b":"Zoë"}\n';

    // Act
    const valid = await collect(numberedLines(chunks(bomLines)));
    const mixed = await collect(
      numberedLines(chunks(Buffer.concat([Buffer.from(bomLines), Buffer.from([0xff, 0x0a])]))),
    );

    // Assess
    const expected = [
      { line: 1, text: '{"a":1}' },
      { line: 2, text: '' },
      { line: 3, text: '{"b":"Zoë"}' },
    ];
    expect(valid).toEqual(expected);
    expect(mixed.slice(0, 3)).toEqual(expected);
    expect(mixed[3]).toEqual({ line: 4, text: '\ufffd', invalidUtf8: true });
  });

  it('flags an oversized line with empty text and still reads the next line with the right number', async () => {
    // Prepare: limit 10 bytes; line 2 is 30 bytes and arrives across three chunks.
    const long = 'x'.repeat(30);

    // Act
    const lines = await collect(
      numberedLines(
        chunks('ok\n', long.slice(0, 12), long.slice(12, 25), `${long.slice(25)}\nafter\n`),
        10,
      ),
    );

    // Assess
    expect(lines).toEqual([
      { line: 1, text: 'ok' },
      { line: 2, text: '', oversized: true },
      { line: 3, text: 'after' },
    ]);
  });

  it('flags an oversized line that sits inside a single chunk', async () => {
    // Act
    const lines = await collect(numberedLines(chunks(`short\n${'y'.repeat(11)}\nend\n`), 10));

    // Assess
    expect(lines).toEqual([
      { line: 1, text: 'short' },
      { line: 2, text: '', oversized: true },
      { line: 3, text: 'end' },
    ]);
  });

  it('flags an oversized final line that has no trailing newline', async () => {
    // Act
    const lines = await collect(numberedLines(chunks('a\n', 'z'.repeat(11)), 10));

    // Assess
    expect(lines).toEqual([
      { line: 1, text: 'a' },
      { line: 2, text: '', oversized: true },
    ]);
  });

  it('accepts a line of exactly the limit', async () => {
    // Act
    const lines = await collect(numberedLines(chunks('1234567890\n'), 10));

    // Assess
    expect(lines).toEqual([{ line: 1, text: '1234567890' }]);
  });

  it('yields nothing for an empty source', async () => {
    // Act
    const lines = await collect(numberedLines(chunks()));

    // Assess
    expect(lines).toEqual([]);
  });

  it('hands out a chunk of lines at a time, with a line split across chunks in the later batch', async () => {
    // Act
    const batches: NumberedLine[][] = [];
    for await (const batch of numberedLines(chunks('a\nb\nc', 'd\ne\n', 'f')).batches())
      batches.push(batch);

    // Assess
    expect(batches.map((b) => b.map((l) => `${l.line}:${l.text}`))).toEqual([
      ['1:a', '2:b'],
      ['3:cd', '4:e'],
      ['5:f'],
    ]);
  });

  it('puts lines read back in front, so a reader after a peek sees every line once', async () => {
    // Prepare
    const lines = numberedLines(chunks('first\nsecond\nthird\n'));
    const peeked = [(await lines.next()).value!, (await lines.next()).value!];

    // Act
    lines.unread(peeked);
    const batches: NumberedLine[][] = [];
    for await (const batch of lines.batches()) batches.push(batch);

    // Assess
    expect(batches.flat().map((l) => l.text)).toEqual(['first', 'second', 'third']);
  });

  it('releases its source when the reader stops early', async () => {
    // Prepare
    let released = false;
    async function* source(): AsyncGenerator<Uint8Array> {
      try {
        for (let i = 0; i < 100; i++) yield Buffer.from(`line ${i}\n`);
      } finally {
        released = true;
      }
    }

    // Act
    for await (const line of numberedLines(source())) if (line.line === 3) break;

    // Assess
    expect(released).toBe(true);
  });
});

describe('Function: decompressIfGzip', () => {
  it('decompresses a stream whose first bytes are the gzip magic', async () => {
    // Prepare
    const text = '{"resourceType":"Patient","id":"p1"}\n'.repeat(50);
    const gz = gzipSync(text);

    // Act
    const stream = await decompressIfGzip(Readable.from([gz.subarray(0, 10), gz.subarray(10)]));

    // Assess
    expect((await readAll(stream)).toString('utf8')).toBe(text);
  });

  it('passes a plain stream through unchanged, every chunk in order', async () => {
    // Prepare
    const parts = [Buffer.from('{"a":1}\n'), Buffer.from('{"b"'), Buffer.from(':2}\n')];

    // Act
    const stream = await decompressIfGzip(Readable.from(parts));

    // Assess
    expect((await readAll(stream)).toString('utf8')).toBe('{"a":1}\n{"b":2}\n');
  });

  it('does not mistake a plain file starting with 0x1f alone for gzip', async () => {
    // Prepare
    const bytes = Buffer.from([0x1f, 0x41, 0x42, 0x0a]);

    // Act
    const stream = await decompressIfGzip(Readable.from([bytes]));

    // Assess
    expect(await readAll(stream)).toEqual(bytes);
  });

  it('returns an empty stream for an empty source', async () => {
    // Act
    const stream = await decompressIfGzip(Readable.from([]));

    // Assess
    expect((await readAll(stream)).length).toBe(0);
  });

  it('feeds numberedLines end to end from a gzip file', async () => {
    // Prepare
    const gz = gzipSync('one\r\ntwo\n');

    // Act
    const lines = await collect(numberedLines(await decompressIfGzip(Readable.from([gz]))));

    // Assess
    expect(lines).toEqual([
      { line: 1, text: 'one' },
      { line: 2, text: 'two' },
    ]);
  });
});
