// Tests (pgx): outside calls are read from TSV with clear errors, and CYP2D6 / HLA calls mean what CPIC
// says they mean.
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors';
import { hlaLookup, hlaResult } from './hla';
import { cyp2d6Result, parseOutsideCalls, type OutsideCall } from './outside-calls';

function cyp2d6(diplotype: string) {
  return cyp2d6Result({ gene: 'CYP2D6', diplotype, line: 1 });
}

describe('Function: parseOutsideCalls', () => {
  it('reads gene and diplotype columns, skipping a header, comments and blank lines', () => {
    const text = 'gene\tdiplotype\n# from the lab\nCYP2D6\t*1/*4\n\nhla-b\t*57:01 positive\n';
    expect(parseOutsideCalls(text)).toEqual([
      { gene: 'CYP2D6', diplotype: '*1/*4', line: 3 },
      { gene: 'HLA-B', diplotype: '*57:01 positive', line: 5 },
    ]);
  });

  it('names the line of a row without a tab-separated diplotype', () => {
    expect(() => parseOutsideCalls('CYP2D6 *1/*4\n', 'calls.tsv')).toThrow(
      /calls\.tsv: line 1: expected gene<TAB>diplotype/,
    );
  });

  it('refuses a gene it cannot use, and a non-HLA gene given twice', () => {
    expect(() => parseOutsideCalls('G6PD\tB/B\n')).toThrow(ValidationError);
    expect(() => parseOutsideCalls('CYP2D6\t*1/*1\nCYP2D6\t*1/*4\n')).toThrow(
      /line 2: CYP2D6 is given twice/,
    );
  });
});

describe('Function: cyp2d6Result', () => {
  it.each([
    ['*4/*4', 0, 'Poor Metabolizer'],
    ['*1/*4', 1, 'Intermediate Metabolizer'],
    ['*10/*10', 0.5, 'Intermediate Metabolizer'],
    ['*1/*41', 1.5, 'Normal Metabolizer'],
    ['*1/*1', 2, 'Normal Metabolizer'],
    ['*1/*1x2', 3, 'Ultrarapid Metabolizer'],
    ['*4x2/*10', 0.25, 'Intermediate Metabolizer'],
  ] as const)('%s has activity score %s: %s', (diplotype, score, phenotype) => {
    expect(cyp2d6(diplotype)).toMatchObject({ activityScore: score, phenotype });
  });

  it('sets the boundaries of CPIC 2020: 1.25 is normal, 2.25 normal, 2.5 ultrarapid', () => {
    expect(cyp2d6('*10/*1').phenotype).toBe('Normal Metabolizer');
    expect(cyp2d6('*1/*10').lookupKey).toBe('1.25');
    expect(cyp2d6('*1x2/*10').phenotype).toBe('Normal Metabolizer');
    expect(cyp2d6('*1x2/*9').phenotype).toBe('Ultrarapid Metabolizer');
  });

  it('writes the smaller allele first', () => {
    expect(cyp2d6('*4/*1').diplotype).toBe('*1/*4');
  });

  it('refuses an unknown copy number (xN) and an allele without an activity value', () => {
    expect(() => cyp2d6('*1xN/*4')).toThrow(/write x2 or x3/);
    expect(() => cyp2d6('*1/*999')).toThrow(/line 1: CYP2D6 allele \*999/);
  });
});

describe('Function: hlaResult', () => {
  const line = (diplotype: string, n = 1): OutsideCall => ({ gene: 'HLA-B', diplotype, line: n });

  it('reads a positive carrier status line; other alleles stay unknown', () => {
    const result = hlaResult('HLA-B', [line('*57:01 positive')]);
    expect(hlaLookup(result, '*57:01')).toBe('*57:01 positive');
    expect(hlaLookup(result, '*58:01')).toBe('No Result');
  });

  it('reads a genotype for every tracked allele, three-field names included', () => {
    const result = hlaResult('HLA-B', [line('*57:01:01/*08:01')]);
    expect(result.carriers).toEqual({
      '*57:01': 'positive',
      '*58:01': 'negative',
      '*15:02': 'negative',
    });
  });

  it('refuses lines that contradict each other', () => {
    expect(() => hlaResult('HLA-B', [line('*57:01 positive'), line('*57:01 negative', 2)])).toThrow(
      /line 2: HLA-B\*57:01 contradicts/,
    );
  });

  it('refuses text that is not an HLA allele', () => {
    expect(() => hlaResult('HLA-B', [line('positive')])).toThrow(ValidationError);
  });
});
