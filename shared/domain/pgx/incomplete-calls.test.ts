// Tests (pgx): a call that a variant at a missing defining position would change to another CPIC
// lookup key is Indeterminate for the recommendations, names the gene and the missing positions, and
// never yields a standard-dose recommendation (profile.ts, cpic-recommendations.ts).
import { describe, expect, it } from 'vitest';
import { cpicRecommendations } from './cpic-recommendations';
import { diplotypeGenotypes, genomeGenotypes, withoutPositions } from './genotypes.testkit';
import { parseOutsideCalls } from './outside-calls';
import { incompleteCallWarnings, pgxProfile } from './profile';

/** DPYD c.1905+1G>A (*2A, rs3918290, GRCh38 chr1:97450058; PharmCAT DPYD definition). */
const star2A = 'c.1905+1G>A (*2A)';
const star2ASite = 97450058;
/** CYP2C9 rs1057910 (*3, GRCh38 chr10:94981296 A>C; PharmCAT CYP2C9 definition). */
const cyp2c9Star3Site = 94981296;
/** TPMT rs1142345 (*3C, c.719A>G, GRCh38 chr6:18130687; PharmCAT TPMT definition). */
const tpmtStar3CSite = 18130687;
/** CYP2C19 rs3758581 (*1 vs the reference-sequence *38; every diplotype of them is normal). */
const rs3758581 = 94842866;

const gene = (profile: ReturnType<typeof pgxProfile>, name: string) =>
  profile.genes.find((g) => g.gene === name)!;

describe('Function: pgxProfile (incomplete calls)', () => {
  it('a DPYD *2A carrier whose file lacks the *2A position is Indeterminate, not Normal Metabolizer AS 2.0', () => {
    // Prepare
    const genotypes = withoutPositions(genomeGenotypes({ DPYD: [star2A, 'Reference'] }), [
      star2ASite,
    ]);
    // Act
    const dpyd = gene(pgxProfile(genotypes), 'DPYD');
    // Assess
    expect(dpyd).toMatchObject({
      diplotype: 'Reference/Reference',
      phenotype: 'Indeterminate',
      lookupKey: 'n/a',
      callDependsOnMissing: true,
      incomplete: {
        phenotypeAsCalled: 'Normal Metabolizer',
        activityScoreAsCalled: 2,
        positions: [{ chrom: 'chr1', pos: star2ASite, rsid: 'rs3918290', reason: 'absent' }],
        alternatives: [{ diplotype: `Reference/${star2A}`, phenotype: 'Intermediate Metabolizer' }],
      },
    });
    expect(dpyd.activityScore).toBeUndefined();
    expect(dpyd.notes).toContainEqual(expect.stringMatching(/chr1:97450058 \(rs3918290\)/));
  });

  it('keeps a call whose alternatives all share its CPIC lookup key (CYP2C19 *1 or *38: normal either way)', () => {
    // Act
    const cyp2c19 = gene(pgxProfile(withoutPositions(genomeGenotypes(), [rs3758581])), 'CYP2C19');
    // Assess
    expect(cyp2c19.callDependsOnMissing).toBe(true);
    expect(cyp2c19.phenotype).toBe('Normal Metabolizer');
    expect(cyp2c19.incomplete).toBeUndefined();
  });

  it('names only the missing positions that would change the lookup key', () => {
    // Prepare: CYP2C19 *1/*1 typed at three positions (an array-style file)
    const typed = [94781859, 94761900, rs3758581];
    const genotypes = [
      ...genomeGenotypes().filter(
        (g) => g.chrom !== 'chr10' || !g.pos.toString().startsWith('947'),
      ),
      ...diplotypeGenotypes('CYP2C19', '*1', '*1').filter((g) => typed.includes(g.pos)),
    ];
    // Act
    const cyp2c19 = gene(pgxProfile(genotypes), 'CYP2C19');
    // Assess
    expect(cyp2c19.phenotype).toBe('Indeterminate');
    expect(cyp2c19.lookupKey).toBe('Indeterminate');
    const named = cyp2c19.incomplete!.positions.map((p) => p.pos);
    expect(named).toContain(94780653); // rs4986893, *3 (no function)
    expect(named).not.toContain(rs3758581);
    expect(named.length).toBeLessThan(cyp2c19.missingPositions.length);
  });

  it('warns once per incomplete gene, naming the gene and its missing positions', () => {
    const profile = pgxProfile(
      withoutPositions(genomeGenotypes({ DPYD: [star2A, 'Reference'] }), [star2ASite]),
    );
    expect(incompleteCallWarnings(profile)).toEqual([
      expect.stringMatching(
        /^DPYD: the call depends on defining positions missing from the genotype data \(chr1:97450058 \(rs3918290\)\).*Indeterminate/,
      ),
    ]);
    expect(incompleteCallWarnings(pgxProfile(genomeGenotypes()))).toEqual([]);
  });
});

describe('Function: cpicRecommendations (incomplete calls)', () => {
  it('gives fluorouracil and capecitabine no recommendation, not "no indication to change dose", for the *2A carrier', () => {
    // Prepare
    const profile = pgxProfile(
      withoutPositions(genomeGenotypes({ DPYD: [star2A, 'Reference'] }), [star2ASite]),
    );
    // Act
    const recs = cpicRecommendations(profile, ['fluorouracil', 'capecitabine']);
    // Assess
    expect(recs).toHaveLength(2);
    for (const r of recs) {
      expect(r).toMatchObject({
        gene: 'DPYD',
        phenotype: 'Indeterminate',
        kind: 'indeterminate',
        strength: 'No recommendation',
        incomplete: [
          {
            gene: 'DPYD',
            positions: ['chr1:97450058 (rs3918290)'],
            alternatives: [`Reference/${star2A} (Intermediate Metabolizer)`],
          },
        ],
      });
      expect(r.text).toMatch(/^No recommendation can be made from an incomplete genotype/);
      expect(r.text).not.toMatch(/no indication to change dose/);
    }
  });

  it('the same carrier typed at the *2A position gets the CPIC 50% reduction', () => {
    const [r] = cpicRecommendations(pgxProfile(genomeGenotypes({ DPYD: [star2A, 'Reference'] })), [
      'capecitabine',
    ]);
    expect(r).toMatchObject({ kind: 'dose', strength: 'Strong' });
    expect(r!.incomplete).toBeUndefined();
  });

  it('looks an incomplete TPMT call up as Indeterminate (CPIC 2018 IND row) and names it', () => {
    // Act
    const [r] = cpicRecommendations(
      pgxProfile(withoutPositions(genomeGenotypes(), [tpmtStar3CSite])),
      ['azathioprine'],
    );
    // Assess
    expect(r!.lookupKey).toEqual({ TPMT: 'Indeterminate', NUDT15: 'Normal Metabolizer' });
    expect(r!.text).toMatch(/^Based on NUDT15, start with normal starting dose/);
    expect(r!.incomplete).toEqual([expect.objectContaining({ gene: 'TPMT' })]);
    expect(r!.incomplete![0]!.positions[0]).toMatch(/^chr6:18130687/);
  });

  it('warfarin: an incomplete CYP2C9 call enters IWPC as unknown and is named', () => {
    // Act
    const [r] = cpicRecommendations(
      pgxProfile(withoutPositions(genomeGenotypes(), [cyp2c9Star3Site])),
      ['warfarin'],
    );
    // Assess
    expect(r!.lookupKey).toMatchObject({ CYP2C9: 'unknown' });
    expect(r!.incomplete).toEqual([
      expect.objectContaining({ gene: 'CYP2C9', positions: ['chr10:94981296 (rs1057910)'] }),
    ]);
  });

  it('phenytoin: an incomplete CYP2C9 call with no HLA-B result is named on the CPIC "No recommendation" row', () => {
    const [r] = cpicRecommendations(
      pgxProfile(withoutPositions(genomeGenotypes(), [cyp2c9Star3Site])),
      ['phenytoin'],
    );
    expect(r).toMatchObject({
      strength: 'N/A',
      lookupKey: { 'HLA-B': 'No Result', CYP2C9: 'n/a' },
    });
    expect(r!.incomplete).toEqual([expect.objectContaining({ gene: 'CYP2C9' })]);
  });

  it('phenytoin: HLA-B*15:02 positive stays contraindicated when CYP2C9 is incomplete (CPIC row "*15:02 positive/n/a")', () => {
    const [r] = cpicRecommendations(
      pgxProfile(withoutPositions(genomeGenotypes(), [cyp2c9Star3Site]), [
        ...parseOutsideCalls('HLA-B\t*15:02 positive\n'),
      ]),
      ['phenytoin'],
    );
    expect(r).toMatchObject({
      strength: 'Strong',
      kind: 'contraindicated',
      lookupKey: { 'HLA-B': '*15:02 positive', CYP2C9: 'n/a' },
    });
    expect(r!.incomplete).toEqual([expect.objectContaining({ gene: 'CYP2C9' })]);
  });
});
