import { describe, expect, it } from 'vitest';
import { starterVocabulary } from '../vocabulary/index';
import { buildLinker, primaryCode, withinOneEdit } from './link';

const linker = buildLinker(starterVocabulary);

describe('Function: buildLinker', () => {
  it('ranks exact, then normalised, then abbreviation, then fuzzy candidates', () => {
    expect(linker.link('hypertension')[0]).toMatchObject({ kind: 'exact', score: 1 });
    expect(linker.link('Hypertensions')[0]).toMatchObject({ kind: 'normalised' });
    expect(linker.link('HTN')[0]).toMatchObject({ kind: 'abbreviation' });
    const fuzzy = linker.link('hypertensoin');
    expect(fuzzy[0]).toMatchObject({ kind: 'fuzzy' });
    expect(fuzzy[0]!.concept.codes.icd10cm).toBe('I10');
  });

  it('does not guess for short strings or strings two edits away', () => {
    expect(linker.link('htx')).toEqual([]);
    expect(linker.link('hypertnsoin')).toEqual([]);
  });
});

describe('Function: primaryCode', () => {
  it('reports SNOMED CT for a disease unless MeSH is asked for', () => {
    const htn = linker.link('hypertension')[0]!.concept;
    expect(primaryCode(htn)).toMatchObject({ code: '38341003', system: 'http://snomed.info/sct' });
    expect(primaryCode(htn, 'mesh')).toMatchObject({ code: 'D006973' });
  });

  it('reports the RxNorm ingredient for a drug brand', () => {
    expect(primaryCode(linker.link('Lipitor')[0]!.concept)).toMatchObject({ code: '83367' });
  });
});

describe('Function: withinOneEdit', () => {
  it('accepts one substitution, insertion, deletion or transposition', () => {
    expect(withinOneEdit('edema', 'edma')).toBe(true);
    expect(withinOneEdit('fever', 'fevre')).toBe(true);
    expect(withinOneEdit('fever', 'fevers')).toBe(true);
    expect(withinOneEdit('fever', 'faver')).toBe(true);
    expect(withinOneEdit('fever', 'flavor')).toBe(false);
  });
});
