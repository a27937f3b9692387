import { describe, expect, it } from 'vitest';
import { starterVocabulary } from '../../vocabulary/index';
import { concept } from '../../vocabulary/define';
import {
  adverseEffectMeshPairs,
  adverseEffectRows,
  resolveAdverseEffects,
  type AdverseEffectRow,
} from './index';

describe('Table: adverseEffectRows', () => {
  it('names only concepts of the curated vocabulary: drugs as Chemical, effects as Disease or Symptom', () => {
    const { unresolved } = resolveAdverseEffects(adverseEffectRows, starterVocabulary);
    expect(unresolved.map((u) => `${u.role} ${u.name} (row ${u.row})`)).toEqual([]);
  });

  it('gives every row a source', () => {
    expect(adverseEffectRows.filter(([, , source]) => source.trim().length < 8)).toEqual([]);
  });
});

describe('Function: resolveAdverseEffects', () => {
  const concepts = [
    concept('Chemical', 'amiodarone|Cordarone', '', { mesh: 'D000638' }, 'test'),
    concept('Disease', 'pulmonary fibrosis|lung fibrosis', '', { mesh: 'D011658' }, 'test'),
    concept('Symptom', 'nausea', '', {}, 'test'),
  ];

  it('resolves synonyms in any case, keeps each pair once and reports unknown names', () => {
    const rows: AdverseEffectRow[] = [
      ['Cordarone', 'Lung fibrosis|nausea|unicorn pox', 'FDA label'],
      ['amiodarone', 'pulmonary fibrosis', 'BNF'],
      ['nausea', 'pulmonary fibrosis', 'wrong type'],
    ];
    const { effects, unresolved } = resolveAdverseEffects(rows, concepts);
    expect(effects.map((e) => `${e.drug.preferred} -> ${e.effect.preferred}`)).toEqual([
      'amiodarone -> pulmonary fibrosis',
      'amiodarone -> nausea',
    ]);
    expect(unresolved).toEqual([
      { name: 'unicorn pox', role: 'effect', row: 0 },
      { name: 'nausea', role: 'drug', row: 2 },
    ]);
    // Only pairs whose two concepts carry MeSH ids become MeSH pairs.
    expect(adverseEffectMeshPairs(effects)).toEqual(new Set(['D000638|D011658']));
    expect(adverseEffectMeshPairs(effects, (id) => `x${id}`)).toEqual(
      new Set(['xD000638|xD011658']),
    );
  });
});
