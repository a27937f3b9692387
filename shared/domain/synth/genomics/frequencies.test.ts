// Tests (synth/genomics): pharmacogene alleles are drawn at the tabulated CPIC frequencies.
import { describe, expect, it } from 'vitest';
import { namedAllele, pgxGenes } from '../../pgx/allele-definitions';
import type { Ancestry } from '../model';
import { Rng } from '../rng';
import { alleleDistribution, pgxAlleleFrequencies } from './frequencies';
import { sampleHaplotypes } from './genome';

const ancestries: Ancestry[] = [
  'european',
  'african-american',
  'east-asian',
  'central-south-asian',
  'latino',
];
const draws = 20_000;

describe('Table: pgxAlleleFrequencies', () => {
  it.each(pgxGenes)('%s: names alleles the PharmCAT table defines, with a cited source', (gene) => {
    const table = pgxAlleleFrequencies[gene];
    for (const name of [table.remainder, ...Object.keys(table.alleles)])
      expect(() => namedAllele(gene, name)).not.toThrow();
    expect(table.source).toMatch(/CPIC .* frequency table/);
  });

  it.each(pgxGenes)('%s: leaves a non-negative remainder in every group', (gene) => {
    for (const ancestry of ancestries) {
      const distribution = alleleDistribution(gene, ancestry);
      expect(distribution.reduce((sum, [, p]) => sum + p, 0)).toBeCloseTo(1, 12);
      for (const [, p] of distribution) expect(p).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('Function: sampleHaplotypes', () => {
  it.each(ancestries)(
    '%s: observed allele frequencies over 20,000 draws match the table',
    (ancestry) => {
      const rng = new Rng(2026, ancestries.indexOf(ancestry));
      for (const gene of pgxGenes) {
        const counts = new Map<string, number>();
        for (let i = 0; i < draws; i++)
          for (const allele of sampleHaplotypes(gene, ancestry, rng))
            counts.set(allele, (counts.get(allele) ?? 0) + 1);
        for (const [allele, p] of alleleDistribution(gene, ancestry)) {
          const observed = (counts.get(allele) ?? 0) / (2 * draws);
          // 5 binomial standard errors (40,000 haplotypes), plus rounding slack.
          const tolerance = 5 * Math.sqrt((p * (1 - p)) / (2 * draws)) + 1e-3;
          expect(Math.abs(observed - p), `${gene} ${allele}`).toBeLessThanOrEqual(tolerance);
        }
      }
    },
  );

  it('draws the two haplotypes independently (Hardy-Weinberg homozygote share)', () => {
    const rng = new Rng(7);
    let homozygous = 0;
    for (let i = 0; i < draws; i++) {
      const [a, b] = sampleHaplotypes('CYP3A5', 'european', rng);
      if (a === '*3' && b === '*3') homozygous++;
    }
    expect(homozygous / draws).toBeCloseTo(0.94 ** 2, 1);
  });
});
