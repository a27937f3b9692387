// Tests (pgx): DPYD is called by CPIC's lowest-function approach with its activity score.
import { describe, expect, it } from 'vitest';
import { namedAllele } from './allele-definitions';
import { callDpyd } from './dpyd-caller';
import { diplotypeGenotypes, withoutPositions } from './genotypes.testkit';
import { geneGenotypes, type PositionGenotype } from './sample-genotypes';

const star2A = 'c.1905+1G>A (*2A)';
const hapB3 = 'c.1129-5923C>G, c.1236G>A (HapB3)';

function dpyd(genotypes: PositionGenotype[]) {
  return callDpyd(geneGenotypes('DPYD', genotypes));
}

/** Heterozygous for each named variant allele on a reference background (unphased). */
function carrying(...alleles: string[]): PositionGenotype[] {
  const variantAt = new Map<number, string>();
  for (const name of alleles)
    for (const [pos, base] of Object.entries(namedAllele('DPYD', name).alleles))
      variantAt.set(Number(pos), base);
  return diplotypeGenotypes('DPYD', 'Reference', 'Reference').map((g) => {
    const base = variantAt.get(g.pos);
    return base ? { ...g, alleles: [g.alleles![0], base] as const } : g;
  });
}

describe('Function: callDpyd', () => {
  it('calls a c.1905+1G>A (*2A) heterozygote Reference/*2A with activity score 1', () => {
    const result = dpyd(carrying(star2A));
    expect(result.diplotype).toBe(`Reference/${star2A}`);
    expect(result.activityScore).toBe(1);
    expect(result.callDependsOnMissing).toBe(false);
  });

  it('calls a homozygote from one variant carried twice (activity 0)', () => {
    const result = dpyd(diplotypeGenotypes('DPYD', star2A, star2A));
    expect(result.diplotype).toBe(`${star2A}/${star2A}`);
    expect(result.activityScore).toBe(0);
  });

  it('counts HapB3 once, not again as its c.1129-5923C>G component (activity 1.5)', () => {
    const result = dpyd(carrying(hapB3));
    expect(result.diplotype).toBe(`Reference/${hapB3}`);
    expect(result.activityScore).toBe(1.5);
  });

  it('keeps the two lowest-function variants when three are found unphased', () => {
    // c.2846A>T (0.5), *2A (0) and c.85T>C (*9A, normal function 1.0)
    const result = dpyd(carrying('c.2846A>T', star2A, 'c.85T>C (*9A)'));
    expect(result.diplotype).toBe(`${star2A}/c.2846A>T`);
    expect(result.activityScore).toBe(0.5);
    expect(result.notes[0]).toMatch(/3 variant haplotypes/);
  });

  it('reports Reference/Reference (activity 2) with no variant', () => {
    const result = dpyd(carrying());
    expect(result).toMatchObject({ diplotype: 'Reference/Reference', activityScore: 2 });
  });

  it('says the call depends on a missing no-function position, with the diplotype it would give', () => {
    const position = Number(Object.keys(namedAllele('DPYD', star2A).alleles)[0]);
    const result = dpyd(withoutPositions(carrying(), [position]));
    expect(result.diplotype).toBe('Reference/Reference');
    expect(result.callDependsOnMissing).toBe(true);
    expect(result.alternatives).toEqual([`Reference/${star2A}`]);
    expect(result.alternativePositions).toEqual({ [`Reference/${star2A}`]: [position] });
  });
});
