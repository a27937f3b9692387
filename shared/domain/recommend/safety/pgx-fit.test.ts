// Tests (recommend/safety): how a CPIC recommendation weighs on a drug (pgxFit, drugWarnings) — an
// incomplete genotype is never standard, an HLA risk allele "not recommended" / "do not use" blocks.
import { describe, expect, it } from 'vitest';
import { genomeGenotypes, withoutPositions } from '../../pgx/genotypes.testkit';
import { parseOutsideCalls } from '../../pgx/outside-calls';
import { pgxProfile } from '../../pgx/profile';
import { patient, testAt as at } from '../patient.testkit';
import { patientFacts } from '../patient-facts';
import { drugWarnings, pgxFit } from './check';

/** DPYD c.1905+1G>A (*2A, rs3918290, GRCh38 chr1:97450058). */
const star2A = 'c.1905+1G>A (*2A)';
const star2ASite = 97450058;
/** TPMT rs1142345 (*3C, GRCh38 chr6:18130687). */
const tpmtStar3CSite = 18130687;

const factsWith = (pgx: ReturnType<typeof pgxProfile>) =>
  patientFacts([patient({ age: 60, sex: 'male' })], at, { pgx });

describe('Function: pgxFit (incomplete genotype)', () => {
  it('a *2A carrier whose file lacks the *2A position: no standard fit, a major warning naming DPYD and the position', () => {
    // Prepare
    const facts = factsWith(
      pgxProfile(withoutPositions(genomeGenotypes({ DPYD: [star2A, 'Reference'] }), [star2ASite])),
    );
    // Act
    const fit = pgxFit('fluorouracil', facts);
    const warnings = drugWarnings('capecitabine', facts);
    // Assess
    expect(fit.value).toBeLessThanOrEqual(0.5);
    expect(fit.warning).toMatchObject({
      kind: 'pgx',
      severity: 'major',
      message: expect.stringMatching(/^DPYD genotype incomplete: .*chr1:97450058 \(rs3918290\)/),
    });
    expect(warnings).toEqual([
      expect.objectContaining({ kind: 'pgx', severity: 'major', drug: 'capecitabine' }),
    ]);
  });

  it('the same carrier fully typed: a moderate dose-change warning, as before', () => {
    const facts = factsWith(pgxProfile(genomeGenotypes({ DPYD: [star2A, 'Reference'] })));
    expect(pgxFit('fluorouracil', facts)).toMatchObject({
      value: 0.6,
      warning: { severity: 'moderate' },
    });
  });

  it('a CPIC row that matches the Indeterminate phenotype (TPMT, CPIC 2018) still warns and is not standard', () => {
    const facts = factsWith(pgxProfile(withoutPositions(genomeGenotypes(), [tpmtStar3CSite])));
    const fit = pgxFit('azathioprine', facts);
    expect(fit.value).toBeLessThanOrEqual(0.5);
    expect(fit.warning).toMatchObject({
      severity: 'major',
      message: expect.stringMatching(/TPMT \(chr6:18130687 \(rs1142345\) missing\)/),
    });
  });
});

describe('Function: pgxFit (Indeterminate phenotype, fully typed)', () => {
  it('TPMT *1/*5 (uncertain function) with NUDT15 *1/*1: capped at 0.5, a caution naming TPMT, CPIC in full', () => {
    // Prepare: every position typed; CPIC 2018's IND/NM row reads "Based on NUDT15, start with normal
    // starting dose ..." and only later "TPMT phenotype could not be assigned ...".
    const profile = pgxProfile(genomeGenotypes({ TPMT: ['*1', '*5'] }));
    expect(profile.genes.find((g) => g.gene === 'TPMT')).toMatchObject({
      phenotype: 'Indeterminate',
      missingPositions: [],
    });
    const facts = factsWith(profile);
    // Act
    const fit = pgxFit('azathioprine', facts);
    // Assess
    expect(fit.value).toBe(0.5);
    expect(fit.note).toMatch(
      /TPMT phenotype could not be assigned.*monitor closely for toxicity\.$/,
    );
    expect(fit.warning).toMatchObject({
      kind: 'pgx',
      severity: 'caution',
      message: expect.stringMatching(
        /^TPMT phenotype Indeterminate .*Consider evaluating erythrocyte TPMT activity/,
      ),
    });
    expect(fit.warning!.message).not.toMatch(/NUDT15 phenotype Indeterminate/);
    expect(drugWarnings('azathioprine', facts)).toEqual([fit.warning]);
  });

  it('an Indeterminate gene under a "No recommendation" row still warns (CYP2C19 *1/*12, clopidogrel)', () => {
    // Prepare: *12 has uncertain function in CPIC's CYP2C19 table: *1/*12 is Indeterminate.
    const profile = pgxProfile(genomeGenotypes(), parseOutsideCalls('CYP2C19\t*1/*12\n'));
    expect(profile.genes.find((g) => g.gene === 'CYP2C19')!.lookupKey).toBe('Indeterminate');
    // Act
    const fit = pgxFit('clopidogrel', factsWith(profile));
    // Assess
    expect(fit.value).toBe(0.5);
    expect(fit.warning).toMatchObject({
      severity: 'caution',
      message: expect.stringMatching(/^CYP2C19 phenotype Indeterminate .*CPIC: No recommendation$/),
    });
  });
});

describe('Function: pgxFit (HLA risk alleles)', () => {
  const hla = (line: string) => factsWith(pgxProfile(genomeGenotypes(), parseOutsideCalls(line)));

  it('HLA-B*57:01 positive: abacavir is contraindicated (CPIC 2014; Ziagen PI section 4), not just "avoid"', () => {
    expect(pgxFit('abacavir', hla('HLA-B\t*57:01 positive\n'))).toMatchObject({
      value: 0,
      warning: { severity: 'contraindicated' },
    });
  });

  it('HLA-B*15:02 positive: carbamazepine and phenytoin are contraindicated (CPIC 2017, 2020; carbamazepine boxed warning)', () => {
    const facts = hla('HLA-B\t*15:02 positive\n');
    for (const drug of ['carbamazepine', 'phenytoin', 'fosphenytoin'])
      expect(pgxFit(drug, facts).warning).toMatchObject({ severity: 'contraindicated' });
  });

  it('HLA-A*31:01 positive alone: carbamazepine "if alternative agents are available, do not use" stays major', () => {
    const facts = hla('HLA-A\t*31:01 positive\nHLA-B\t*15:02 negative\n');
    expect(pgxFit('carbamazepine', facts).warning).toMatchObject({ severity: 'major' });
  });
});
