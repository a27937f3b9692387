import { describe, expect, it } from 'vitest';
import { starterVocabulary } from './index';
import { corpusEraMeshId, meshFormerIds } from './mesh-former-ids';

describe('Table: meshFormerIds', () => {
  it('maps descriptors created since 2016 (D + 9 digits) to supplementary record ids (C...)', () => {
    for (const [descriptor, scr] of meshFormerIds) {
      expect(descriptor).toMatch(/^D0000\d{5}$/);
      expect(scr).toMatch(/^C\d{6}(\d{3})?$/);
    }
  });

  it('gives each supplementary record to one descriptor only', () => {
    const scrs = [...meshFormerIds.values()];
    expect(new Set(scrs).size).toBe(scrs.length);
  });

  it('maps only descriptors a curated concept carries', () => {
    const curated = new Set(starterVocabulary.map((c) => c.codes.mesh).filter(Boolean));
    expect([...meshFormerIds.keys()].filter((d) => !curated.has(d))).toEqual([]);
  });
});

describe('Function: corpusEraMeshId', () => {
  it('gives the replaced record for a newer descriptor and any other id unchanged', () => {
    // Capecitabine: SCR C110904 until NLM made it descriptor D000069287 (BC5CDR training split).
    expect(corpusEraMeshId('D000069287')).toBe('C110904');
    expect(corpusEraMeshId('D003520')).toBe('D003520');
  });

  it('gives the broader descriptor MeSH 2015 indexed a newer disease descriptor under', () => {
    // Lymphadenopathy: indexed under Lymphatic Diseases until its own descriptor (2017).
    expect(corpusEraMeshId('D000072281')).toBe('D008206');
  });
});
