// Unit: file kinds are recognised from content, not names.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { detectKind, headerProblem } from './detect';
import { numberedLines } from './lines';

async function kindOf(text: string) {
  const detected = await detectKind(numberedLines(Readable.from([Buffer.from(text)])));
  const lines: string[] = [];
  for await (const l of detected.lines) lines.push(l.text);
  return { kind: detected.kind, lines };
}

describe('Function: detectKind', () => {
  it('recognises FHIR NDJSON and replays the peeked line', async () => {
    expect(
      await kindOf('\n{"resourceType":"Patient","id":"1"}\n{"resourceType":"Patient","id":"2"}\n'),
    ).toEqual({
      kind: 'fhir-ndjson',
      lines: ['', '{"resourceType":"Patient","id":"1"}', '{"resourceType":"Patient","id":"2"}'],
    });
  });

  it('treats a truncated first NDJSON line as NDJSON, so it is quarantined rather than the file rejected', async () => {
    expect((await kindOf('{"resourceType":"Observation","id":"x","sta\n')).kind).toBe(
      'fhir-ndjson',
    );
  });

  it('recognises a Bulk Data manifest on one line as a JSON document, not NDJSON', async () => {
    const manifest = { transactionTime: '2026-01-01T00:00:00Z', request: '$export', output: [] };
    expect((await kindOf(JSON.stringify(manifest) + '\n')).kind).toBe('json-document');
    // A resource with such elements is still a resource (resourceType decides).
    expect((await kindOf(JSON.stringify({ resourceType: 'Basic', ...manifest }))).kind).toBe(
      'fhir-ndjson',
    );
  });

  it('recognises a pretty-printed JSON document (a Bundle)', async () => {
    expect((await kindOf('{\n  "resourceType": "Bundle",\n  "type": "collection"\n}\n')).kind).toBe(
      'json-document',
    );
  });

  it('recognises VCF, CSV with a header row, plain text and empty files', async () => {
    expect((await kindOf('##fileformat=VCFv4.2\n#CHROM\tPOS\n')).kind).toBe('vcf');
    expect(
      (await kindOf('mrn,taken_at,loinc,value,unit\r\nMRN1,2024-01-01,8867-4,72,/min\r\n')).kind,
    ).toBe('csv');
    expect(
      (await kindOf('HISTORY OF PRESENT ILLNESS: 64 yo woman with chest pain, no fever.\n')).kind,
    ).toBe('text');
    expect((await kindOf('\n\n')).kind).toBe('empty');
  });

  it.each([
    ['a bracketed unit', 'mrn,result_id,weight [kg],when'],
    ['a non-ASCII letter', 'mrn,result_id,Gewicht_über,when'],
    ['a number sign', 'MRN#,result_id,value,when'],
    ['a percent sign', 'mrn;SpO2 %;when'],
    ['a trailing empty column', 'mrn,value,when,'],
    ['two columns', 'mrn,value'],
    ['two tab-separated columns', 'mrn\tvalue'],
    ['a quoted name holding the separator', '"mrn","weight, kg. Measured at rest"'],
  ])('reads a header row with %s as CSV', async (_name, header) => {
    const detected = await detectKind(
      numberedLines(Readable.from([Buffer.from(`${header}\r\nM1,70\r\n`)])),
    );
    expect(detected.kind).toBe('csv');
    expect(detected.headerProblem).toBeUndefined();
  });

  it.each([
    [
      'HISTORY OF PRESENT ILLNESS: 64 yo woman with chest pain, no fever.',
      "split at ',', column 1 has 10 words, more than a column name",
    ],
    [
      'Telephone encounter. No answer, left voicemail to call back.',
      "split at ',', column 1 reads as prose (a sentence break inside it)",
    ],
    ['Seen today, feeling better.', "split at ',', column 2 reads as prose (it ends a sentence)"],
    ['Dear Dr Example,', "split at ',', it has fewer than two named columns"],
    ['mrn,,value', "split at ',', column 2 is empty"],
    ['mrn,wei\u0007ght,value', "split at ',', column 2 has a control character"],
    [
      'Patient seen for a routine visit today',
      "it has one column (no ',', tab or ';' between column names)",
    ],
  ])('reads %j as text, saying why it is no header row', async (line, why) => {
    const detected = await detectKind(numberedLines(Readable.from([Buffer.from(`${line}\n`)])));
    expect(detected.kind).toBe('text');
    expect(detected.headerProblem).toBe(why);
    expect(headerProblem(line)).toBe(why);
  });
});
