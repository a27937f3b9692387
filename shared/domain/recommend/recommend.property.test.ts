import fc from 'fast-check';
import type { Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { genomeGenotypes } from '../pgx/genotypes.testkit';
import { pgxProfile } from '../pgx/profile';
import { patientFacts } from './patient-facts';
import { recommendationReport } from './recommend-for';
import {
  allergy,
  condition,
  icd,
  loinc,
  medication,
  observation,
  patient,
  testAt as at,
} from './patient.testkit';

// Independent oracle tables (not the production tables): what a pharmacist would check by hand.
const allergyClasses: Record<string, string[]> = {
  penicillin: ['amoxicillin', 'ampicillin', 'penicillin', 'piperacillin'],
  sulfonamide: ['sulfamethoxazole'],
  aspirin: ['aspirin', 'ibuprofen', 'naproxen', 'diclofenac'],
  lisinopril: ['lisinopril', 'enalapril', 'ramipril'],
  codeine: ['codeine'],
};
const teratogens = ['lisinopril', 'losartan', 'enalapril', 'valsartan', 'warfarin', 'methotrexate'];

const meds = [
  'metformin hydrochloride 500 MG Oral Tablet',
  'lisinopril 10 MG Oral Tablet',
  'warfarin sodium 5 MG Oral Tablet',
  'clopidogrel 75 MG Oral Tablet',
  'simvastatin 20 MG Oral Tablet',
  'clarithromycin 500 MG Oral Tablet',
  'sertraline 50 MG Oral Tablet',
  'phenelzine 15 MG Oral Tablet',
  'ibuprofen 400 MG Oral Tablet',
  'spironolactone 25 MG Oral Tablet',
  'omeprazole 20 MG Delayed Release Oral Capsule',
];
const conditions = [
  icd.hypertension,
  icd.type2Diabetes,
  icd.atrialFibrillation,
  icd.nstemi,
  icd.otitisMedia,
  icd.asthma,
  icd.depression,
  icd.heartFailure,
  icd.ckd4,
  icd.stroke,
];

const patientArb = fc.record({
  age: fc.integer({ min: 1, max: 90 }),
  sex: fc.constantFrom('female' as const, 'male' as const),
  pregnant: fc.boolean(),
  egfr: fc.option(fc.integer({ min: 8, max: 120 }), { nil: undefined }),
  weight: fc.option(fc.integer({ min: 8, max: 120 }), { nil: undefined }),
  allergies: fc.subarray(Object.keys(allergyClasses)),
  severe: fc.boolean(),
  meds: fc.subarray(meds, { maxLength: 4 }),
  conditions: fc.subarray(conditions, { minLength: 1, maxLength: 4 }),
  sbp: fc.integer({ min: 110, max: 190 }),
  phq9: fc.integer({ min: 0, max: 27 }),
  cyp2c19: fc.option(fc.constantFrom(['*1', '*1'], ['*1', '*2'], ['*2', '*2'], ['*17', '*17']), {
    nil: undefined,
  }),
});

function resourcesOf(
  p: fc.Arbitrary<unknown> extends never ? never : ReturnType<typeof patientArb.generate>['value'],
): Resource[] {
  return [
    patient({ age: p.age, sex: p.sex }),
    ...p.conditions.map((c) => condition(c)),
    ...(p.pregnant && p.sex === 'female' && p.age >= 15 && p.age <= 45
      ? [condition(icd.pregnancy, '77386006')]
      : []),
    ...(p.egfr ? [observation(loinc.egfr, p.egfr, 'mL/min/{1.73_m2}')] : []),
    ...(p.weight ? [observation(loinc.weight, p.weight, 'kg')] : []),
    observation('8480-6', p.sbp, 'mm[Hg]'),
    observation('8462-4', 85, 'mm[Hg]'),
    observation(loinc.phq9, p.phq9, '{score}', 2),
    ...p.allergies.map((a) => allergy(a, p.severe ? 'Anaphylaxis' : 'Rash')),
    ...p.meds.map(medication),
  ];
}

describe('Property: recommendationReport safety', () => {
  it('never proposes an allergen, a contraindicated drug or a PGx conflict without a warning saying why', () => {
    fc.assert(
      fc.property(patientArb, (p) => {
        const pgx = p.cyp2c19
          ? pgxProfile(genomeGenotypes({ CYP2C19: p.cyp2c19 as [string, string] }))
          : undefined;
        const facts = patientFacts(resourcesOf(p), at, pgx ? { pgx } : {});
        const report = recommendationReport(facts);
        const pregnant = !!facts.pregnant;
        for (const r of report.recommendations) {
          let seenBlocked = false;
          for (const o of r.options) {
            // Contraindicated -> blocked, and blocked options come last.
            expect(o.blocked).toBe(o.warnings.some((w) => w.severity === 'contraindicated'));
            if (seenBlocked) expect(o.blocked).toBe(true);
            seenBlocked ||= o.blocked;
            for (const { drug } of o.drugs) {
              const on = (kind: string, severity?: string) =>
                o.warnings.some(
                  (w) =>
                    w.drug === drug &&
                    w.kind === kind &&
                    (!severity || w.severity === severity) &&
                    w.message.length > 0 &&
                    w.source.length > 0,
                );
              for (const a of p.allergies)
                if (allergyClasses[a]!.includes(drug))
                  expect(on('allergy', 'contraindicated'), `${drug} vs ${a} allergy`).toBe(true);
              if (drug === 'metformin' && p.egfr !== undefined && p.egfr < 30)
                expect(on('renal', 'contraindicated')).toBe(true);
              if (pregnant && teratogens.includes(drug))
                expect(on('pregnancy', 'contraindicated')).toBe(true);
              if (drug === 'clopidogrel' && p.cyp2c19?.join('/') === '*2/*2')
                expect(on('pgx')).toBe(true);
              if (drug === 'aspirin' && p.age < 16) expect(on('age', 'contraindicated')).toBe(true);
            }
          }
        }
        // The medicines already taken are reviewed the same way.
        if (p.meds.some((m) => m.startsWith('metformin')) && p.egfr !== undefined && p.egfr < 30)
          expect(
            report.medicationReview.some(
              (a) => a.drug === 'metformin' && a.warnings.some((w) => w.kind === 'renal'),
            ),
          ).toBe(true);
        if (
          p.meds.some((m) => m.startsWith('sertraline')) &&
          p.meds.some((m) => m.startsWith('phenelzine'))
        )
          expect(
            report.medicationReview.some((a) =>
              a.warnings.some((w) => w.kind === 'interaction' && w.severity === 'contraindicated'),
            ),
          ).toBe(true);
      }),
      { numRuns: 200, seed: 20250601 },
    );
  });
});
