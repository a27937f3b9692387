import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors';
import { detectFormat } from './format';
import { numberedLines, type NumberedLine } from './lines';

function linesOf(text: string): AsyncGenerator<NumberedLine> {
  return numberedLines(
    (async function* () {
      yield Buffer.from(text, 'utf8');
    })(),
  );
}

async function collect(lines: AsyncIterable<NumberedLine>): Promise<NumberedLine[]> {
  const out: NumberedLine[] = [];
  for await (const line of lines) out.push(line);
  return out;
}

describe('Function: detectFormat', () => {
  it('accepts FHIR NDJSON and replays the peeked lines before the rest, in order', async () => {
    // Prepare: blank lines before the first record are peeked too and must not be lost.
    const text =
      '\n  \n{"resourceType":"Patient","id":"p1"}\n{"resourceType":"Patient","id":"p2"}\n';

    // Act
    const format = await detectFormat(linesOf(text));
    const lines = await collect(format.lines);

    // Assess
    expect(format.kind).toBe('fhir-ndjson');
    expect(format.rejectWholeFile).toBeUndefined();
    expect(lines).toEqual([
      { line: 1, text: '' },
      { line: 2, text: '  ' },
      { line: 3, text: '{"resourceType":"Patient","id":"p1"}' },
      { line: 4, text: '{"resourceType":"Patient","id":"p2"}' },
    ]);
  });

  it('treats an oversized first line as NDJSON so the line itself gets quarantined', async () => {
    // Prepare: a 10-byte limit; line 1 is 20 bytes.
    const lines = numberedLines(
      (async function* () {
        yield Buffer.from(`${'x'.repeat(20)}\n{"id":1}\n`);
      })(),
      10,
    );

    // Act
    const format = await detectFormat(lines);

    // Assess
    expect(format.kind).toBe('fhir-ndjson');
    expect(await collect(format.lines)).toEqual([
      { line: 1, text: '', oversized: true },
      { line: 2, text: '{"id":1}' },
    ]);
  });

  it.each([
    [
      'a VCF genotype file',
      '##fileformat=VCFv4.2\n##source=array\n#CHROM\tPOS\n',
      /VCF genotype files are not ingested/,
    ],
    [
      'a pretty-printed FHIR Bundle',
      '{\n  "resourceType": "Bundle",\n  "type": "collection",\n  "entry": []\n}\n',
      /multi-line JSON document \(e\.g\. a FHIR Bundle\)/,
    ],
    [
      'a Bundle whose first line opens the object and names the type',
      '{ "resourceType": "Bundle",\n  "entry": []\n}\n',
      /multi-line JSON document/,
    ],
    [
      'a pretty-printed JSON array',
      '[\n  {"resourceType":"Patient","id":"p1"}\n]\n',
      /multi-line JSON document/,
    ],
    [
      'a CSV export',
      'id,family,given\np1,Smith,Ann\n',
      /not FHIR NDJSON \(first line is not a JSON object\); CSV/,
    ],
  ])('rejects %s as a whole file with a reason', async (_case, text, reason) => {
    // Act
    const format = await detectFormat(linesOf(text));

    // Assess
    expect(format.kind).toBe('unsupported');
    expect(format.rejectWholeFile).toBeInstanceOf(ValidationError);
    expect(format.rejectWholeFile?.message).toMatch(reason);
    expect(await collect(format.lines)).toEqual([]);
  });

  it('stops reading the source once the file is rejected', async () => {
    // Prepare
    let closed = false;
    let linesRead = 0;
    async function* source(): AsyncGenerator<NumberedLine> {
      try {
        for (let line = 1; line <= 1000; line++) {
          linesRead++;
          yield { line, text: line === 1 ? 'id,name' : `${line},x` };
        }
      } finally {
        closed = true;
      }
    }

    // Act
    await detectFormat(source());

    // Assess
    expect(closed).toBe(true);
    expect(linesRead).toBe(1);
  });

  it('accepts an empty file as NDJSON with no lines (the report then says it holds no records)', async () => {
    // Act
    const format = await detectFormat(linesOf(''));

    // Assess
    expect(format.kind).toBe('fhir-ndjson');
    expect(await collect(format.lines)).toEqual([]);
  });
});
