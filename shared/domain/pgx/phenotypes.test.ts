// Tests (pgx): CPIC phenotypes and activity scores for published diplotype examples.
import { describe, expect, it } from 'vitest';
import { alleleFunction, diplotypePhenotype, formatActivityScore } from './phenotypes';

describe('Function: diplotypePhenotype', () => {
  it.each([
    ['CYP2C19', '*2', '*2', 'Poor Metabolizer'],
    ['CYP2C19', '*1', '*17', 'Rapid Metabolizer'],
    ['CYP2C19', '*17', '*17', 'Ultrarapid Metabolizer'],
    ['CYP2C19', '*1', '*2', 'Intermediate Metabolizer'],
    ['CYP2C19', '*2', '*9', 'Likely Poor Metabolizer'],
    ['CYP2C19', '*1', '*12', 'Indeterminate'],
    ['TPMT', '*1', '*3A', 'Intermediate Metabolizer'],
    ['TPMT', '*3A', '*3C', 'Poor Metabolizer'],
    ['TPMT', '*3A', '*5', 'Possible Intermediate Metabolizer'],
    ['NUDT15', '*1', '*3', 'Intermediate Metabolizer'],
    ['SLCO1B1', '*5', '*5', 'Poor Function'],
    ['SLCO1B1', '*1', '*15', 'Decreased Function'],
    ['SLCO1B1', '*1', '*45.001', 'Decreased Function'],
    ['UGT1A1', '*28', '*28', 'Poor Metabolizer'],
    ['UGT1A1', '*1', '*28', 'Intermediate Metabolizer'],
    ['CYP3A5', '*3', '*3', 'Poor Metabolizer'],
    ['CYP3A5', '*1', '*3', 'Intermediate Metabolizer'],
    ['CYP2B6', '*6', '*6', 'Poor Metabolizer'],
    ['CYP2B6', '*1', '*4', 'Rapid Metabolizer'],
    ['VKORC1', 'rs9923231 reference (C)', 'rs9923231 variant (T)', '-1639 AG'],
  ] as const)('%s %s/%s is %s', (gene, a, b, phenotype) => {
    expect(diplotypePhenotype(gene, [a, b]).phenotype).toBe(phenotype);
  });

  it('scores CYP2C9 *1/*3 as activity 1.0, Intermediate Metabolizer, lookup key "1.0"', () => {
    expect(diplotypePhenotype('CYP2C9', ['*1', '*3'])).toEqual({
      phenotype: 'Intermediate Metabolizer',
      activityScore: 1,
      lookupKey: '1.0',
    });
  });

  it('scores CYP2C9 *2/*3 as 0.5 (Poor) and *1/*2 as 1.5 (Intermediate)', () => {
    expect(diplotypePhenotype('CYP2C9', ['*2', '*3'])).toMatchObject({
      activityScore: 0.5,
      phenotype: 'Poor Metabolizer',
    });
    expect(diplotypePhenotype('CYP2C9', ['*1', '*2'])).toMatchObject({
      activityScore: 1.5,
      phenotype: 'Intermediate Metabolizer',
    });
  });

  it('makes CYP2C9 Indeterminate ("n/a") when an allele has no activity value (*7)', () => {
    expect(diplotypePhenotype('CYP2C9', ['*1', '*7'])).toEqual({
      phenotype: 'Indeterminate',
      lookupKey: 'n/a',
    });
  });

  it('gives DPYD Reference/c.1905+1G>A (*2A) activity 1: Intermediate Metabolizer', () => {
    expect(diplotypePhenotype('DPYD', ['Reference', 'c.1905+1G>A (*2A)'])).toEqual({
      phenotype: 'Intermediate Metabolizer',
      activityScore: 1,
      lookupKey: '1.0',
    });
  });

  it('reads alleles CPIC has not assigned a function as unknown', () => {
    expect(alleleFunction('CYP2C9', '*80')).toBe('Unknown function');
  });

  it('writes activity scores as CPIC does', () => {
    expect([2, 1.5, 0, 0.25, 1.75].map(formatActivityScore)).toEqual([
      '2.0',
      '1.5',
      '0.0',
      '0.25',
      '1.75',
    ]);
  });
});
