// Importers read small fixtures written by hand in each release format (fixtures/; the identifiers in
// them are format examples, not an extract of any release).
import { createReadStream, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors';
import { importHgnc } from './hgnc';
import { importIcd10cmOrder } from './icd10cm';
import { readLines } from './lines';
import { importMesh } from './mesh';
import { importMrconso, importRxnorm } from './rrf';

const fixtureUrl = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);
const fixture = (name: string) => createReadStream(fixtureUrl(name));
const collect = async <T>(items: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
};

describe('Function: readLines', () => {
  it('joins lines split across chunks and drops CR line endings', async () => {
    // Prepare
    const chunks = ['alpha\r\nbe', 'ta\ngam', 'ma'];
    // Act
    const lines = await collect(readLines(chunks));
    // Assess
    expect(lines).toEqual([
      { line: 'alpha', number: 1 },
      { line: 'beta', number: 2 },
      { line: 'gamma', number: 3 },
    ]);
  });

  it('decodes a multi-byte character split between two byte chunks', async () => {
    const bytes = new TextEncoder().encode('Sjögren\n');
    const lines = await collect(readLines([bytes.slice(0, 3), bytes.slice(3)]));
    expect(lines[0]!.line).toBe('Sjögren');
  });
});

describe('Function: importMesh', () => {
  it('reads descriptors with their UI, terms and a type from the tree numbers', async () => {
    const concepts = await collect(importMesh(fixture('desc_fixture.xml')));
    expect(concepts.map((c) => [c.codes.mesh, c.type, c.preferred])).toEqual([
      ['D006973', 'Disease', 'Hypertension'],
      ['D008687', 'Chemical', 'Metformin'],
      ['D004417', 'Symptom', 'Dyspnea'],
      ['D002045', 'Chemical', 'Bupivacaine'],
      ['D013999', 'Chemical', 'Timolol'],
    ]);
    expect(concepts[0]!.synonyms).toContain('High Blood Pressure');
  });

  it('names the line of a record that is never closed', async () => {
    const broken = '<DescriptorRecord>\n<DescriptorUI>D1</DescriptorUI>\n';
    await expect(collect(importMesh([broken]))).rejects.toThrow(/line 1/);
  });
});

describe('Function: importIcd10cmOrder', () => {
  it('puts the dot back into codes and types chapter R as symptoms', async () => {
    const concepts = await collect(importIcd10cmOrder(fixture('icd10cm_order_fixture.txt')));
    const byCode = new Map(concepts.map((c) => [c.codes.icd10cm, c]));
    expect(byCode.get('E11.9')!.preferred).toBe('Type 2 diabetes mellitus without complications');
    expect(byCode.get('R06.02')!.type).toBe('Symptom');
    expect(byCode.get('I10')!.type).toBe('Disease');
  });

  it('skips header codes when only billable codes are asked for', async () => {
    const concepts = await collect(
      importIcd10cmOrder(fixture('icd10cm_order_fixture.txt'), { billableOnly: true }),
    );
    expect(concepts.map((c) => c.codes.icd10cm)).not.toContain('A00');
  });

  it('rejects a line that is not fixed width, naming it', async () => {
    await expect(
      collect(importIcd10cmOrder(['00001 A00     0 Cholera\nnonsense line\n'])),
    ).rejects.toThrow(/line 2/);
  });
});

describe('Function: importRxnorm', () => {
  it('keeps RxNorm ingredients and brands, not other sources, drug products or suppressed names', async () => {
    const concepts = await importRxnorm(fixture('RXNCONSO_fixture.RRF'));
    expect(concepts.map((c) => c.codes.rxnorm).sort()).toEqual(['151827', '29046', '6809']);
    expect(concepts.find((c) => c.codes.rxnorm === '29046')!.synonyms).toEqual(['lisinopril']);
  });

  it('rejects a row with too few fields, naming its line', async () => {
    await expect(importRxnorm(['6809|ENG|x|\n'])).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('Function: importMrconso', () => {
  it('groups English strings by CUI with one code per source, typed by the caller', async () => {
    const types = new Map([
      ['C0020538', 'Disease' as const],
      ['C0025598', 'Chemical' as const],
    ]);
    const concepts = await importMrconso(fixture('MRCONSO_fixture.RRF'), (cui) => types.get(cui));
    const htn = concepts.find((c) => c.codes.umls === 'C0020538')!;
    expect(htn.codes).toEqual({
      umls: 'C0020538',
      mesh: 'D006973',
      snomed: '38341003',
      icd10cm: 'I10',
    });
    expect(htn.synonyms).not.toContain('Hypertension arterielle');
    expect(concepts.some((c) => c.codes.umls === 'C9999999')).toBe(false);
  });
});

describe('Function: importHgnc', () => {
  it('keeps approved genes with aliases and previous symbols as abbreviations', async () => {
    const concepts = await importHgnc(
      readFileSync(fixtureUrl('hgnc_complete_set_fixture.txt'), 'utf8').split(/(?<=\n)/),
    );
    expect(concepts.map((c) => c.preferred)).toEqual(['EGFR', 'BRAF']);
    expect(concepts[0]!.abbreviations).toEqual(['EGFR', 'ERBB1', 'HER1', 'ERBB']);
  });

  it('rejects a file whose header lacks the symbol column', async () => {
    await expect(importHgnc(['hgnc_id\tname\tstatus\n'])).rejects.toThrow(/symbol/);
  });
});
