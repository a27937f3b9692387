// Tests (pgx): the kind of every CPIC recommendation text (standard, dose change, avoid,
// contraindicated), against the rows of normal function and the guidelines' worked examples.
import { describe, expect, it } from 'vitest';
import { cpicActionKind } from './cpic-action-kind';
import { cpicRecommendations } from './cpic-recommendations';
import { rawGuidelines } from './cpic-recommendations.data';
import { genomeGenotypes } from './genotypes.testkit';
import { parseOutsideCalls } from './outside-calls';
import { pgxProfile } from './profile';

/** CYP2D6 activity scores CPIC 2019 (codeine, tramadol) calls Normal Metabolizer. */
const cyp2d6Normal = ['1.25', '1.5', '1.75', '2.0', '2.25'];

/** A lookup value of full function for `gene`: normal metabolizer or function, no risk allele. */
function normal(gene: string, value: string): boolean {
  if (gene === 'CYP2D6') return cyp2d6Normal.includes(value);
  if (gene === 'DPYD' || gene === 'CYP2C9') return value === '2.0' || value === 'NM';
  if (gene.startsWith('HLA-')) return value.endsWith(' negative');
  return value === 'NM' || value === 'NF';
}

/** Every row at full function, with a text (CYP3A5 aside: below). */
const normalRows = rawGuidelines.flatMap((g) =>
  g.genes.includes('CYP3A5')
    ? []
    : g.rows
        .filter(([key]) => {
          const values = key.split('/');
          // "n/a" is a value of its own (CYP2D6, CYP2C9: no activity score), never full function.
          if (values.length !== g.genes.length) return false;
          return (
            values.some((v, i) => normal(g.genes[i]!, v)) &&
            values.every((v, i) => v === 'NR' || normal(g.genes[i]!, v))
          );
        })
        .map(([key, strength, text]) => ({
          drugs: g.drugs.join('/'),
          genes: g.genes,
          key,
          strength,
          text: g.texts[text]!,
        })),
);

function kindFor(drug: string, diplotypes: Parameters<typeof genomeGenotypes>[0], outside = '') {
  const profile = pgxProfile(genomeGenotypes(diplotypes), parseOutsideCalls(outside));
  const [r] = cpicRecommendations(profile, [drug]);
  return { action: r!.action, kind: r!.kind };
}

describe('Function: cpicActionKind', () => {
  it('reads every row of full function in the CPIC tables as standard dosing', () => {
    // The sample covers every guideline keyed on a gene of normal function CPIC has.
    expect(new Set(normalRows.map((r) => r.drugs)).size).toBeGreaterThanOrEqual(17);
    const notStandard = normalRows.filter(
      (r) => r.strength !== 'No recommendation' && cpicActionKind(r.text, r.genes) !== 'standard',
    );
    expect(notStandard).toEqual([]);
  });

  it('CYP3A5 is the exception: an expresser (*1/*1, Normal Metabolizer) needs 1.5-2x the tacrolimus dose (CPIC 2015)', () => {
    expect(kindFor('tacrolimus', { CYP3A5: ['*1', '*1'] }).kind).toBe('dose');
    expect(kindFor('tacrolimus', { CYP3A5: ['*3', '*3'] })).toEqual({
      action:
        'Initiate therapy with standard recommended dose. Use therapeutic drug monitoring to guide dose adjustments.',
      kind: 'standard',
    });
  });

  it('DPYD: reduce the fluoropyrimidine dose by 50% at activity score 1 or 1.5, avoid it at 0 (CPIC 2017, 2024 update)', () => {
    expect(kindFor('capecitabine', { DPYD: ['Reference', 'c.1905+1G>A (*2A)'] }).kind).toBe('dose');
    expect(kindFor('fluorouracil', { DPYD: ['Reference', 'c.2846A>T'] }).kind).toBe('dose');
    expect(kindFor('capecitabine', { DPYD: ['c.1905+1G>A (*2A)', 'c.1905+1G>A (*2A)'] }).kind).toBe(
      'avoid',
    );
  });

  it('thiopurines: a TPMT poor metabolizer avoids azathioprine outside malignancy; intermediate starts at 30-80% (CPIC 2018)', () => {
    expect(kindFor('azathioprine', { TPMT: ['*3A', '*3A'] }).kind).toBe('avoid');
    expect(kindFor('mercaptopurine', { TPMT: ['*1', '*3A'] }).kind).toBe('dose');
    expect(kindFor('thioguanine', {}).kind).toBe('standard');
  });

  it('phenytoin: CYP2C9 activity 1.0 takes about 25% less maintenance dose (CPIC 2020, Moderate)', () => {
    const r = kindFor('phenytoin', { CYP2C9: ['*1', '*3'] }, 'HLA-B\t*15:02 negative\n');
    expect(r.action).toMatch(/25% less than typical maintenance dose/);
    expect(r.kind).toBe('dose');
  });

  it('HLA-B*15:02 positive: "do not use carbamazepine" in a naive patient is a contraindication (CPIC 2017; FDA boxed warning)', () => {
    expect(kindFor('carbamazepine', {}, 'HLA-B\t*15:02/*07:02\n').kind).toBe('contraindicated');
    expect(kindFor('phenytoin', {}, 'HLA-B\t*15:02 positive\n').kind).toBe('contraindicated');
  });

  it('HLA-B*58:01 positive: allopurinol is contraindicated (CPIC 2015); *57:01 positive: "abacavir is not recommended" is a contraindication (CPIC 2014; Ziagen PI section 4)', () => {
    expect(kindFor('allopurinol', {}, 'HLA-B\t*58:01 positive\n').kind).toBe('contraindicated');
    expect(kindFor('abacavir', {}, 'HLA-B\t*57:01 positive\n').kind).toBe('contraindicated');
  });

  it('classifies every row of the HLA-keyed guidelines; the same words outside HLA stay "avoid"', () => {
    // [drugs, lookup key, kind]. HLA-A*31:01 alone is "if alternative agents are available, do not
    // use carbamazepine" (CPIC 2017): conditional, so avoid, not contraindicated.
    const expected: [string, string, string][] = [
      ['abacavir', '*57:01 negative', 'standard'],
      ['abacavir', '*57:01 positive', 'contraindicated'],
      ['allopurinol', '*58:01 negative', 'standard'],
      ['allopurinol', '*58:01 positive', 'contraindicated'],
      ['carbamazepine', '*31:01 negative/*15:02 negative', 'standard'],
      ['carbamazepine', '*31:01 negative/*15:02 positive', 'contraindicated'],
      ['carbamazepine', '*31:01 negative/NR', 'standard'],
      ['carbamazepine', '*31:01 positive/*15:02 negative', 'avoid'],
      ['carbamazepine', '*31:01 positive/*15:02 positive', 'contraindicated'],
      ['carbamazepine', '*31:01 positive/NR', 'avoid'],
      ['carbamazepine', 'NR/*15:02 negative', 'standard'],
      ['carbamazepine', 'NR/*15:02 positive', 'contraindicated'],
      ...['0.0', '0.5', '1.0', '1.5', '2.0', 'NR', 'n/a'].flatMap((cyp2c9) => {
        const byCyp2c9 = ['0.0', '0.5', '1.0'].includes(cyp2c9) ? 'dose' : 'standard';
        const rows: [string, string, string][] = [
          ['phenytoin/fosphenytoin', `*15:02 positive/${cyp2c9}`, 'contraindicated'],
          ['phenytoin/fosphenytoin', `*15:02 negative/${cyp2c9}`, byCyp2c9],
        ];
        // CPIC has no HLA-B "No Result" row with a CYP2C9 "No Result".
        if (cyp2c9 !== 'NR') rows.push(['phenytoin/fosphenytoin', `NR/${cyp2c9}`, byCyp2c9]);
        return rows;
      }),
    ];
    const actual = rawGuidelines
      .filter((g) => g.genes.some((gene) => gene.startsWith('HLA-')))
      .flatMap((g) =>
        g.rows.map(([key, , text]) => [
          g.drugs.join('/'),
          key,
          cpicActionKind(g.texts[text]!, g.genes),
        ]),
      );
    const order = (a: string[], b: string[]) => a.join('|').localeCompare(b.join('|'));
    expect(actual.sort(order)).toEqual(expected.sort(order));
    expect(cpicActionKind('Abacavir is not recommended', ['CYP2C19'])).toBe('avoid');
    expect(cpicActionKind('Abacavir is not recommended', ['HLA-B'])).toBe('contraindicated');
  });

  it('UGT1A1: "no need to avoid" atazanavir is standard for *1/*28; *28/*28 should consider an alternative (CPIC 2015)', () => {
    expect(kindFor('atazanavir', { UGT1A1: ['*1', '*28'] }).kind).toBe('standard');
    expect(kindFor('atazanavir', { UGT1A1: ['*28', '*28'] }).kind).toBe('avoid');
  });

  it('CYP2C19 and PPIs: indication-specific advice is standard; a poor metabolizer halves chronic therapy (CPIC 2020)', () => {
    expect(kindFor('omeprazole', { CYP2C19: ['*1', '*17'] }).kind).toBe('standard');
    expect(kindFor('omeprazole', { CYP2C19: ['*2', '*2'] }).kind).toBe('dose');
  });

  it('CYP2C19 and SSRIs: a dose change offered before an alternative is a dose change; an alternative first is avoid (CPIC 2023)', () => {
    expect(kindFor('sertraline', { CYP2C19: ['*2', '*2'] }).kind).toBe('dose');
    expect(kindFor('citalopram', { CYP2C19: ['*2', '*2'] }).kind).toBe('avoid');
    expect(kindFor('citalopram', { CYP2C19: ['*1', '*17'] }).kind).toBe('dose');
  });

  it('warfarin: the usual start for CYP2C9 *1/*1 with VKORC1 -1639 G/G, a lower dose for *3 or an A allele (CPIC 2017)', () => {
    const warfarin = (d: Parameters<typeof genomeGenotypes>[0]) => {
      const [r] = cpicRecommendations(pgxProfile(genomeGenotypes(d)), ['warfarin']);
      return r!.kind;
    };
    const g = 'rs9923231 reference (C)';
    const a = 'rs9923231 variant (T)';
    expect(warfarin({ CYP2C9: ['*1', '*1'], VKORC1: [g, g] })).toBe('standard');
    expect(warfarin({ CYP2C9: ['*1', '*3'], VKORC1: [g, g] })).toBe('dose');
    expect(warfarin({ CYP2C9: ['*1', '*1'], VKORC1: [a, a] })).toBe('dose');
  });

  it('takes the most severe sentence, and reads each sentence on its own', () => {
    expect(cpicActionKind('Initiate standard dose. Avoid in pregnancy.', [])).toBe('avoid');
    expect(cpicActionKind('Use standard dosing. Consider a 50% reduction.', [])).toBe('dose');
    expect(
      cpicActionKind('There is no need to avoid this drug. It is contraindicated in X.', []),
    ).toBe('contraindicated');
    expect(cpicActionKind('Use per standard dosing guidelines', [])).toBe('standard');
  });
});
