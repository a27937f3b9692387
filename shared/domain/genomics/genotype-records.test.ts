// Tests (genomics): zygosity, pharmacogene annotation by defining position, and per-gene coverage of defining positions.
import { describe, expect, it } from 'vitest';
import { alleleDefinitions, pgxGenes } from '../pgx/allele-definitions';
import {
  genotypeRecords,
  pharmacogeneAt,
  pharmacogenePositionsCovered,
  zygosity,
} from './genotype-records';
import type { VcfVariant } from './vcf-line';

describe('Function: zygosity', () => {
  it.each([
    [[0, 0], 'hom-ref'],
    [[0, 1], 'het'],
    [[1, 2], 'het'],
    [[2, 2], 'hom-alt'],
    [[1], 'hemi'],
    [[0], 'hom-ref'],
    [[null, null], 'no-call'],
    [[null, 1], 'no-call'],
    [[], 'no-call'],
  ] as const)('calls %j %s', (alleles, expected) => {
    expect(zygosity(alleles)).toBe(expected);
  });
});

describe('Function: pharmacogeneAt', () => {
  it('finds every defining position of the ten genes, with or without the chr prefix', () => {
    for (const gene of pgxGenes)
      for (const p of alleleDefinitions[gene].positions) {
        expect(pharmacogeneAt(p.chrom, p.pos)).toBe(gene);
        expect(pharmacogeneAt(p.chrom.replace(/^chr/, ''), p.pos)).toBe(gene);
      }
    expect(pharmacogeneAt('chr10', 1)).toBeUndefined();
  });
});

describe('Function: genotypeRecords', () => {
  it('serves one sample of a variant, annotated with its pharmacogene', () => {
    const p = alleleDefinitions.TPMT.positions[0]!;
    const variant: VcfVariant = {
      kind: 'variant',
      line: 20,
      chrom: p.chrom,
      pos: p.pos,
      ref: p.ref,
      alts: [...p.alts],
      filter: ['PASS'],
      samples: [
        { sample: 'A', gt: '0/0', phased: false, alleles: [0, 0] },
        { sample: 'B', gt: '0|1', phased: true, alleles: [0, 1] },
      ],
    };

    expect(genotypeRecords(variant, 'B')).toEqual([
      {
        sample: 'B',
        chrom: p.chrom,
        pos: p.pos,
        ref: p.ref,
        alt: p.alts.join(','),
        gt: '0|1',
        zygosity: 'het',
        phased: true,
        gene: 'TPMT',
      },
    ]);
    expect(genotypeRecords(variant, 'nobody')).toEqual([]);
  });
});

describe('Function: pharmacogenePositionsCovered', () => {
  it('lists the defining positions a sample lacks or only no-called', () => {
    const [first, second, ...others] = alleleDefinitions.DPYD.positions;
    const records = [
      ...others.map((p) => ({ chrom: p.chrom, pos: p.pos, zygosity: 'het' as const })),
      { chrom: second!.chrom, pos: second!.pos, zygosity: 'no-call' as const },
    ];

    const coverage = pharmacogenePositionsCovered(records);

    const dpyd = coverage.find((c) => c.gene === 'DPYD')!;
    expect(dpyd.missing).toEqual([first, second]);
    expect(dpyd.present).toHaveLength(others.length);
    expect(coverage.map((c) => c.gene)).toEqual([...pgxGenes]);
    const vkorc1 = coverage.find((c) => c.gene === 'VKORC1')!;
    expect(vkorc1.present).toEqual([]);
    expect(vkorc1.missing).toEqual(alleleDefinitions.VKORC1.positions);
  });
});
