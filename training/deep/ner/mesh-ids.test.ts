import { describe, expect, it } from 'vitest';
import type { PubtatorDocument } from '../../../shared/domain/nlp/corpora/pubtator';
import type { ClinicalEntity } from '../../../shared/domain/nlp/model';
import { corpusMeshTable, meshNamesOf, withMeshIds } from './mesh-ids';

// A made-up annotated document; D058186 is MeSH "Acute Kidney Injury" (2015).
const text = 'Acute renal failure followed.';
const train: PubtatorDocument[] = [
  {
    pmid: '1',
    title: text,
    text,
    mentions: [{ start: 0, end: 19, text: 'Acute renal failure', type: 'Disease', id: 'D058186' }],
    cid: [],
  },
];

const entity = (
  start: number,
  end: number,
  extra: Partial<ClinicalEntity> = {},
): ClinicalEntity => ({
  start,
  end,
  text: 'x',
  type: 'Disease',
  assertion: 'present',
  confidence: 1,
  match: 'learned',
  ...extra,
});

describe('Function: withMeshIds', () => {
  it('codes an uncoded tagged span by its name and its head-noun back-off', () => {
    // Prepare
    const doc = 'Severe acute renal failure followed.';
    // Act
    const [coded] = withMeshIds(corpusMeshTable(train), doc, [entity(0, 26)]);
    // Assess
    expect(coded!.codes?.mesh).toBe('D058186');
    expect(coded!.code).toBe('D058186');
    expect(coded!.system).toBe('http://id.nlm.nih.gov/mesh');
  });

  it('leaves an entity that already has a MeSH code as it was', () => {
    // Prepare
    const coded = entity(0, 19, { code: 'I10', codes: { mesh: 'D000001', icd10cm: 'I10' } });
    // Act
    const [kept] = withMeshIds(corpusMeshTable(train), text, [coded]);
    // Assess
    expect(kept).toBe(coded);
  });
});

describe('Function: corpusMeshTable', () => {
  it('takes extra names only where the training names and the vocabulary have none', () => {
    // Prepare: D009157 is MeSH "Myasthenia Gravis"; the extra id of "acute renal failure" is wrong.
    const extra = [
      { name: 'myasthenia gravis', type: 'Disease', id: 'D009157' },
      { name: 'acute renal failure', type: 'Disease', id: 'D999999' },
    ];
    // Act
    const table = corpusMeshTable(train, extra);
    // Assess
    expect(table.get('Disease|myasthenia gravis')).toBe('D009157');
    expect(table.get('Disease|acute renal failure')).toBe('D058186');
  });
});

describe('Function: meshNamesOf', () => {
  it('keeps mentions with MeSH descriptor or supplementary ids and drops OMIM ids', () => {
    // Prepare
    const docs: PubtatorDocument[] = [
      {
        ...train[0]!,
        mentions: [
          { start: 0, end: 5, text: 'Acute', type: 'Disease', id: 'OMIM:123' },
          { start: 0, end: 19, text: 'Acute renal failure', type: 'Disease', id: 'D058186' },
        ],
      },
    ];
    // Act
    const names = meshNamesOf(docs);
    // Assess
    expect(names).toEqual([{ name: 'Acute renal failure', type: 'Disease', id: 'D058186' }]);
  });
});
