import { describe, expect, it } from 'vitest';
import { numberedLines } from './lines';
import { ndjsonRecordBatches, ndjsonRecords, readJsonDocument } from './record-sources';
import type { SourceRecord } from './source-record';

/** A byte source that yields exactly the given chunks, so tests control where chunk boundaries fall. */
async function* chunks(...parts: string[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield Buffer.from(part, 'utf8');
}

const patient = (id: string) => JSON.stringify({ resourceType: 'Patient', id });
const bundle = JSON.stringify({
  resourceType: 'Bundle',
  type: 'collection',
  entry: [{ resource: { resourceType: 'Patient', id: 'b1' } }, { resource: { id: 'no-type' } }],
});

/** Three chunks: two records, a blank line, a broken line and a Bundle line, then one more record. */
const file = () =>
  chunks(`${patient('p1')}\n${patient('p2')}\n`, `\n{"resourceType":\n${bundle}\n`, patient('p3'));

/** What a reader of the records sees of each: its line, path, resource id or error message. */
function summary(record: SourceRecord): string {
  const what = record.error ? `error: ${record.error.message}` : record.resource?.id;
  return `${record.line} ${record.path ?? ''} ${what}`;
}

describe('Function: ndjsonRecordBatches', () => {
  it('yields the records of ndjsonRecords, in the same order, a chunk of lines at a time', async () => {
    // Act
    const batches: SourceRecord[][] = [];
    for await (const batch of ndjsonRecordBatches(numberedLines(file()), 'x.ndjson'))
      batches.push(batch);
    const oneByOne: SourceRecord[] = [];
    for await (const record of ndjsonRecords(numberedLines(file()), 'x.ndjson'))
      oneByOne.push(record);

    // Assess: the first chunk's two records together, the Bundle's entries in an array of their own.
    expect(batches.map((batch) => batch.map(summary))).toEqual([
      ['1  p1', '2  p2'],
      [`4  error: ${oneByOne[2]!.error!.message}`],
      ['5 entry[0].resource b1', `5 entry[1].resource error: ${oneByOne[4]!.error!.message}`],
      ['6  p3'],
    ]);
    expect(batches.flat()).toEqual(oneByOne);
    expect(oneByOne[2]!.error!.message).toMatch(/^not valid JSON/);
  });
});

describe('Function: ndjsonRecords (a line holding a Bundle)', () => {
  it("quarantines a bad entry with its own text, not the whole line's", async () => {
    // Prepare: one line, a Bundle of a good entry and 200 entries with an unresolved reference.
    const bad = (i: number) => ({
      resourceType: 'Observation',
      id: `o${i}`,
      subject: { reference: 'urn:uuid:missing' },
    });
    const line = JSON.stringify({
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        { resource: { resourceType: 'Patient', id: 'p1' } },
        ...Array.from({ length: 200 }, (_, i) => ({ resource: bad(i) })),
        { request: { method: 'DELETE', url: 'Patient/p2' } },
      ],
    });
    // Act
    const records: SourceRecord[] = [];
    for await (const record of ndjsonRecords(numberedLines(chunks(`${line}\n`)), 'x.ndjson'))
      records.push(record);
    // Assess: each error record holds its entry's text; the quarantine grows with the line, not its square.
    expect(records).toHaveLength(202);
    expect(records[1]).toMatchObject({
      line: 1,
      entry: 1,
      path: 'entry[1].resource.subject.reference',
    });
    expect(JSON.parse(records[1]!.raw!)).toEqual(bad(0));
    expect(JSON.parse(records[201]!.raw!)).toEqual({
      request: { method: 'DELETE', url: 'Patient/p2' },
    });
    const quarantined = records.reduce((n, r) => n + (r.error ? r.raw!.length : 0), 0);
    expect(quarantined).toBeLessThan(line.length);
  });

  it('keeps the whole line when the Bundle itself is at fault (one record for the line)', async () => {
    const line = JSON.stringify({ resourceType: 'Bundle', type: 'history', entry: [] });
    const records: SourceRecord[] = [];
    for await (const record of ndjsonRecords(numberedLines(chunks(`${line}\n`)), 'x.ndjson'))
      records.push(record);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ line: 1, raw: line });
    expect(records[0]!.error!.message).toContain('unsupported Bundle type');
  });
});

describe('Function: readJsonDocument', () => {
  async function* bytes(...parts: Uint8Array[]): AsyncGenerator<Uint8Array> {
    for (const part of parts) yield part;
  }
  const bundleLines = (name: Uint8Array) => [
    Buffer.from('{\n  "resourceType": "Bundle",\n  "type": "collection",\n  "entry": [\n'),
    Buffer.from('    {"resource": {"resourceType": "Patient", "id": "p1", "name": [{"family": "'),
    name,
    Buffer.from('"}]}}\n  ]\n}\n'),
  ];

  it('reads a multi-line Bundle in UTF-8, and refuses one with bytes that are not, naming the line', async () => {
    // Act: "Müller" in UTF-8, then in Latin-1 (0xFC alone is not UTF-8)
    const good = await readJsonDocument(
      numberedLines(bytes(...bundleLines(Buffer.from('Müller', 'utf8')))),
      'b.json',
    );
    const bad = await readJsonDocument(
      numberedLines(bytes(...bundleLines(Buffer.from('Müller', 'latin1')))),
      'b.json',
    );
    // Assess
    expect(good.kind).toBe('bundle');
    expect(bad).toMatchObject({ kind: 'invalid' });
    expect(bad.kind === 'invalid' && bad.error.message).toBe(
      'line 5 is not valid UTF-8 (a JSON document must be UTF-8, RFC 8259 section 8.1)',
    );
  });

  const document = (text: string) =>
    readJsonDocument(numberedLines(bytes(Buffer.from(text, 'utf8'))), 'b.json');
  const pretty = JSON.stringify(
    {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [{ resource: { resourceType: 'Patient', id: 'p1', gender: 'female' } }],
    },
    null,
    2,
  ).split('\n');

  it('names the line and character where a Bundle file stops being JSON, without quoting it', async () => {
    // Prepare: a stray comma after "gender" (line 9 of 13), and a token V8 gives no position for.
    const comma = [...pretty];
    comma[8] = `${comma[8]},`;
    const bare = [...pretty];
    bare[8] = bare[8]!.replace('"female"', 'female');
    // Act
    const results = [
      await document(comma.join('\n')),
      await document(bare.join('\r\n')),
      await document(`\n\n${comma.join('\n')}`),
    ];
    // Assess: the comma is fine; the next line's "}" is where a member name was due, and the
    // "e" of `female` is where `false` failed.
    expect(results.map((r) => r.kind === 'invalid' && [r.line, r.error.message])).toEqual([
      [10, 'not valid JSON at line 10, character 7 (a multi-line document that does not parse)'],
      [9, 'not valid JSON at line 9, character 20 (a multi-line document that does not parse)'],
      [12, 'not valid JSON at line 12, character 7 (a multi-line document that does not parse)'],
    ]);
  });

  it('says a Bundle file that ends too soon was truncated, at its last line', async () => {
    const result = await document(`${pretty.slice(0, 7).join('\n')}\n\n`);
    expect(result.kind === 'invalid' && [result.line, result.error.message]).toEqual([
      7,
      'not valid JSON: the document ends at line 7 before the JSON does (truncated?)',
    ]);
  });
});
