// Tests (pgx): CPIC recommendations for the published examples, from genotypes through phenotype to
// the recommended action and its strength.
import { describe, expect, it } from 'vitest';
import { cpicDrugs, cpicGaps, cpicRecommendations } from './cpic-recommendations';
import { genomeGenotypes } from './genotypes.testkit';
import { parseOutsideCalls } from './outside-calls';
import { pgxProfile } from './profile';

function recommendationFor(drug: string, ...args: Parameters<typeof genomeGenotypes>) {
  return (outside = '') => {
    const profile = pgxProfile(genomeGenotypes(...args), parseOutsideCalls(outside));
    const found = cpicRecommendations(profile, [drug]);
    expect(found).toHaveLength(1);
    return found[0]!;
  };
}

describe('Function: cpicRecommendations', () => {
  it('CYP2C19 *2/*2 (Poor Metabolizer): avoid clopidogrel, use prasugrel or ticagrelor (Strong)', () => {
    const r = recommendationFor('clopidogrel', { CYP2C19: ['*2', '*2'] })();
    expect(r).toMatchObject({ gene: 'CYP2C19', phenotype: 'Poor Metabolizer', strength: 'Strong' });
    expect(r.action).toMatch(/Use prasugrel or ticagrelor at standard dose if no contraindication/);
    expect(r.source).toMatch(/CPIC 2022.*Lee CR/);
  });

  it('CYP2C19 *1/*17 (Rapid Metabolizer): clopidogrel at standard dose', () => {
    const r = recommendationFor('clopidogrel', { CYP2C19: ['*1', '*17'] })();
    expect(r).toMatchObject({ phenotype: 'Rapid Metabolizer', strength: 'Strong' });
    expect(r.action).toMatch(/standard dose \(75 mg\/day\)/);
  });

  it('CYP2C9 *1/*3 with VKORC1 -1639 A/G: warfarin dose by the pharmacogenetic algorithm', () => {
    const r = recommendationFor('warfarin', {
      CYP2C9: ['*1', '*3'],
      VKORC1: ['rs9923231 reference (C)', 'rs9923231 variant (T)'],
    })();
    expect(r.lookupKey).toEqual({ CYP2C9: '*1/*3', VKORC1: 'A/G' });
    expect(r.phenotype).toBe('CYP2C9 Intermediate Metabolizer; VKORC1 -1639 AG');
    expect(r.strength).toBe('Strong');
  });

  it('TPMT *1/*3A (Intermediate): azathioprine at 30-80% of the normal starting dose', () => {
    const r = recommendationFor('azathioprine', { TPMT: ['*1', '*3A'] })();
    expect(r.phenotype).toBe('TPMT Intermediate Metabolizer; NUDT15 Normal Metabolizer');
    expect(r.action).toMatch(/reduced starting doses \(30%-80% of normal dose\)/);
    expect(r.strength).toBe('Strong');
  });

  it('DPYD c.1905+1G>A heterozygote (activity 1): fluorouracil starting dose reduced by 50%', () => {
    const r = recommendationFor('fluorouracil', { DPYD: ['Reference', 'c.1905+1G>A (*2A)'] })();
    expect(r.lookupKey).toEqual({ DPYD: '1.0' });
    expect(r.action).toMatch(/^Reduce starting dose by 50%/);
    expect(r.strength).toBe('Strong');
  });

  it('SLCO1B1 *5/*5 (Poor Function): prescribe an alternative statin to simvastatin', () => {
    const r = recommendationFor('simvastatin', { SLCO1B1: ['*5', '*5'] })();
    expect(r).toMatchObject({ phenotype: 'Poor Function', strength: 'Strong' });
    expect(r.action).toMatch(/^Prescribe an alternative statin/);
  });

  it('HLA-B*57:01 positive: abacavir is not recommended', () => {
    const r = recommendationFor('abacavir')('HLA-B\t*57:01 positive\n');
    expect(r).toMatchObject({ phenotype: '*57:01 positive', strength: 'Strong' });
    expect(r.action).toBe('Abacavir is not recommended');
  });

  it('CYP2D6 *4/*4 (activity 0, Poor Metabolizer): avoid codeine', () => {
    const r = recommendationFor('codeine')('CYP2D6\t*4/*4\n');
    expect(r).toMatchObject({ phenotype: 'Poor Metabolizer', strength: 'Strong' });
    expect(r.action).toMatch(/^Avoid codeine use because of possibility of diminished analgesia/);
  });

  it('CYP2D6 above every exact key (activity 3.5) takes the ≥3.5 row: avoid tramadol', () => {
    const r = recommendationFor('tramadol')('CYP2D6\t*1x3/*17\n');
    expect(r.lookupKey).toEqual({ CYP2D6: '3.5' });
    expect(r.action).toMatch(/^Avoid tramadol use because of potential for toxicity/);
  });

  it('UGT1A1 *28/*28 (Poor Metabolizer): consider an alternative to atazanavir', () => {
    const r = recommendationFor('atazanavir', { UGT1A1: ['*28', '*28'] })();
    expect(r).toMatchObject({ phenotype: 'Poor Metabolizer', strength: 'Strong' });
    expect(r.action).toMatch(/^Consider an alternative agent/);
  });

  it('HLA-B*15:02 positive with no HLA-A result: do not use carbamazepine (naive patients)', () => {
    const r = recommendationFor('carbamazepine')('HLA-B\t*15:02/*07:02\n');
    expect(r.lookupKey).toEqual({ 'HLA-A': 'No Result', 'HLA-B': '*15:02 positive' });
    expect(r.action).toBe('If patient is carbamazepine-naïve, do not use carbamazepine.');
  });

  it('CYP2C9 *1/*3 and HLA-B*15:02 negative: phenytoin maintenance about 25% lower (Moderate)', () => {
    const r = recommendationFor('phenytoin', { CYP2C9: ['*1', '*3'] })('HLA-B\t*15:02 negative\n');
    expect(r.strength).toBe('Moderate');
    expect(r.action).toMatch(/use approximately 25% less than typical maintenance dose/);
  });

  it('leaves out drugs whose genes were not tested (no CYP2D6 call: no codeine)', () => {
    const profile = pgxProfile(genomeGenotypes(), []);
    expect(cpicRecommendations(profile, ['codeine', 'abacavir'])).toEqual([]);
  });

  it('covers every drug of the assignment', () => {
    const wanted =
      'clopidogrel warfarin simvastatin atorvastatin rosuvastatin azathioprine mercaptopurine thioguanine fluorouracil capecitabine abacavir allopurinol carbamazepine phenytoin codeine tramadol citalopram escitalopram sertraline omeprazole pantoprazole tacrolimus efavirenz atazanavir';
    expect(cpicDrugs()).toEqual(expect.arrayContaining(wanted.split(' ')));
  });
});

describe('Function: cpicGaps', () => {
  it('names the untyped genes of each asked-for drug without a recommendation, HLA by allele', () => {
    // Prepare: the ten VCF genes typed; no CYP2D6, HLA-A or HLA-B; HLA-B*57:01 only, not *15:02
    const profile = pgxProfile(genomeGenotypes(), parseOutsideCalls('HLA-B\t*57:01 negative\n'));
    // Act
    const gaps = cpicGaps(profile, [
      'Codeine',
      'CARBAMAZEPINE',
      'clopidogrel',
      'abacavir',
      'plavix',
    ]);
    // Assess: clopidogrel and abacavir have a recommendation; plavix is no drug of the tables
    expect(gaps).toEqual([
      {
        drug: 'carbamazepine',
        untested: ['HLA-A*31:01', 'HLA-B*15:02'],
        lookupKey: { 'HLA-A': 'No Result', 'HLA-B': 'No Result' },
      },
      { drug: 'codeine', untested: ['CYP2D6'], lookupKey: { CYP2D6: 'No Result' } },
    ]);
  });

  it('names warfarin when neither CYP2C9 nor VKORC1 was typed', () => {
    const profile = pgxProfile([], parseOutsideCalls('CYP2D6\t*1/*1\n'));
    expect(cpicGaps(profile, ['warfarin'])).toEqual([
      {
        drug: 'warfarin',
        untested: ['CYP2C9', 'VKORC1'],
        lookupKey: { CYP2C9: 'No Result', VKORC1: 'No Result' },
      },
    ]);
  });

  it('gives the lookup values when every gene was typed but no CPIC row has them', () => {
    // Prepare: a DPYD call CPIC's fluorouracil table has no row for (an activity score of "n/a")
    const typed = pgxProfile(genomeGenotypes(), []);
    const profile = {
      genes: typed.genes.map((g) =>
        g.gene === 'DPYD' ? { ...g, phenotype: 'Indeterminate', lookupKey: 'n/a' } : g,
      ),
    };
    expect(cpicRecommendations(profile, ['fluorouracil'])).toEqual([]);
    // Act / Assess
    expect(cpicGaps(profile, ['fluorouracil'])).toEqual([
      { drug: 'fluorouracil', untested: [], lookupKey: { DPYD: 'n/a' } },
    ]);
  });
});
