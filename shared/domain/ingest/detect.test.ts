// Unit: file kinds are recognised from content, not names.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { detectKind } from './detect';
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
});
