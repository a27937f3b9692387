// Tests (recommend): the clinical-logic review of 2026 — each case states the rule, its source and the
// behaviour that was wrong before (see docs/cli.md, recommend).
import type { Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { recommendFor } from './recommend-for';
import { patientFacts } from './patient-facts';
import { drugWarnings } from './safety/check';
import { renalRules } from './safety/contraindications';
import { apixabanDose } from './guidelines/anticoagulation';
import type { RecommendationReport } from './model';
import {
  bp,
  condition,
  icd,
  loinc,
  medication,
  observation,
  patient,
  recommendationOn,
  smoking,
  testAt as at,
} from './patient.testkit';

const drugsOf = (report: RecommendationReport, topic: string) =>
  recommendationOn(report, topic)?.options.map((o) => o.drugs.map((d) => d.drug).join('+')) ?? [];
const alt = '1742-6';

describe('ACS on an oral anticoagulant (2021 North American consensus, Angiolillo 2021)', () => {
  const acsOnApixaban = (onset: string | undefined, ...meds: string[]): Resource[] => [
    patient({ age: 70, sex: 'male' }),
    condition(icd.atrialFibrillation),
    {
      ...condition(icd.nstemi, undefined, onset ?? '2025-01-01'),
      ...(onset ? {} : { onsetDateTime: undefined }),
    },
    medication('apixaban 5 MG Oral Tablet'),
    ...meds.map((m) => medication(m)),
    observation(loinc.weight, 80, 'kg'),
    observation(loinc.creatinine, 1.0, 'mg/dL'),
  ];

  it('within 30 days: clopidogrel first, aspirin only time-limited to day 30, never ticagrelor or prasugrel', async () => {
    // NSTEMI on 2025-05-20, 12 days before testAt.
    const report = await recommendFor({}, { resources: acsOnApixaban('2025-05-20'), at });
    expect(drugsOf(report, 'acute-coronary-syndrome')).toEqual([
      'clopidogrel',
      'clopidogrel+aspirin',
    ]);
    const acs = recommendationOn(report, 'acute-coronary-syndrome')!;
    expect(acs.options[1]!.drugs[1]!.dose).toMatch(/no longer than 30 days.*until 2025-06-19/);
    expect(acs.options.every((o) => o.source.includes('Angiolillo'))).toBe(true);
  });

  it('an undated ACS: clopidogrel without aspirin, and a note that the 30 days cannot be timed', async () => {
    const report = await recommendFor({}, { resources: acsOnApixaban(undefined), at });
    expect(drugsOf(report, 'acute-coronary-syndrome')).toEqual(['clopidogrel']);
    expect(recommendationOn(report, 'acute-coronary-syndrome')!.notes.join(' ')).toMatch(
      /no onset date.*first 30 days/,
    );
  });

  it('replaces a ticagrelor taken with the anticoagulant and flags it in the medication review', async () => {
    const report = await recommendFor(
      {},
      {
        resources: acsOnApixaban(
          '2025-05-20',
          'ticagrelor 90 MG Oral Tablet',
          'aspirin 81 MG Oral Tablet',
        ),
        at,
      },
    );
    const first = recommendationOn(report, 'acute-coronary-syndrome')!.options[0]!;
    expect(first.drugs.map((d) => d.drug)).toEqual(['clopidogrel']);
    expect(first.replaces).toEqual(expect.arrayContaining(['ticagrelor', 'aspirin']));
    // A pair of current medicines is reported once, under its first drug (apixaban here).
    expect(report.medicationReview.flatMap((a) => a.warnings)).toContainEqual(
      expect.objectContaining({
        severity: 'major',
        message: expect.stringMatching(
          /ticagrelor.*avoid prasugrel and ticagrelor with an oral anticoagulant/,
        ),
        source: expect.stringMatching(/Angiolillo/),
      }),
    );
  });
});

describe('eGFR for the safety checks (risk/fhir/provide.ts: creatinine current for 90 days)', () => {
  const base = [patient({ age: 70, sex: 'female' }), condition(icd.type2Diabetes)];

  it('ignores CKD-EPI from a 2-year-old creatinine and uses a recent reported eGFR', async () => {
    const resources = [
      ...base,
      observation(loinc.hba1c, 8.2, '%'),
      observation(loinc.creatinine, 0.8, 'mg/dL', 730),
      observation(loinc.egfr, 25, 'mL/min/{1.73_m2}', 5),
    ];
    const facts = patientFacts(resources, at);
    expect(facts.labs.egfr).toMatchObject({ value: 25 });
    expect(facts.labs.creatinine).toBeUndefined();
    const report = await recommendFor({}, { resources, at });
    const metformin = recommendationOn(report, 'type-2-diabetes')!.options.find(
      (o) => o.drugs[0]!.drug === 'metformin',
    )!;
    expect(metformin.blocked).toBe(true);
  });

  it('with only a stale creatinine, leaves eGFR unset: the missing-data caution fires and the report says why', async () => {
    const resources = [
      ...base,
      observation(loinc.hba1c, 8.2, '%'),
      observation(loinc.creatinine, 0.8, 'mg/dL', 200),
      observation(loinc.weight, 70, 'kg'),
    ];
    const facts = patientFacts(resources, at);
    expect(facts.labs.egfr).toBeUndefined();
    expect(facts.labs.crcl).toBeUndefined();
    expect(drugWarnings('metformin', facts)).toContainEqual(
      expect.objectContaining({ kind: 'missing-data' }),
    );
    const report = await recommendFor({}, { resources, at });
    expect(report.missing.join(' ')).toMatch(/creatinine: .*older than 90 days/);
  });

  it('prefers the newer of a computed and a reported eGFR', () => {
    const reportedNewer = patientFacts(
      [
        ...base,
        observation(loinc.creatinine, 0.8, 'mg/dL', 60),
        observation(loinc.egfr, 25, 'mL/min/{1.73_m2}', 5),
      ],
      at,
    );
    expect(reportedNewer.labs.egfr).toMatchObject({ value: 25 });
    const computedNewer = patientFacts(
      [
        ...base,
        observation(loinc.creatinine, 0.8, 'mg/dL', 5),
        observation(loinc.egfr, 25, 'mL/min/{1.73_m2}', 60),
      ],
      at,
    );
    expect(computedNewer.labs.egfr!.source).toMatch(/^CKD-EPI 2021/);
  });

  it('does not pass over a newer reading in an unrecognised unit for an older one, and says so', () => {
    const facts = patientFacts(
      [
        patient({ age: 15, sex: 'male' }),
        observation(loinc.egfr, 70, 'mL/min/{1.73_m2}', 60),
        observation(loinc.egfr, 0.4, 'mL/s', 1),
      ],
      at,
    );
    expect(facts.labs.egfr).toBeUndefined();
    expect(facts.labs.unusable?.join(' ')).toMatch(/eGFR: .* in "mL\/s", a unit not recognised/);
    // "mL/min/1.73m²" is the same unit, printed.
    const printed = patientFacts(
      [patient({ age: 15, sex: 'male' }), observation(loinc.egfr, 25, 'mL/min/1.73m²', 1)],
      at,
    );
    expect(printed.labs.egfr).toMatchObject({ value: 25 });
  });
});

describe('paediatric minimum ages (paediatric-dosing.ts) and infants under 3 months', () => {
  const infant = (months: number) => [
    patient({ age: 0, months, sex: 'male' }),
    condition(icd.otitisMedia),
    observation(loinc.weight, 4, 'kg'),
  ];

  it('refers a 1-month-old with otitis media instead of proposing an antibiotic', async () => {
    const report = await recommendFor({}, { resources: infant(1), at });
    const om = recommendationOn(report, 'otitis-media')!;
    expect(om.options.map((o) => o.kind)).toEqual(['non-drug']);
    expect(om.options[0]!.label).toMatch(/Same-day in-person assessment/);
    expect(om.options[0]!.source).toMatch(/NICE NG143/);
  });

  it('flags paracetamol under 3 months (major, citing the table) and not at 4 months', async () => {
    const young = await recommendFor({}, { resources: infant(1), at });
    const analgesia = recommendationOn(young, 'paediatric-analgesia')!;
    expect(analgesia.options[0]!.kind).toBe('non-drug');
    const para = analgesia.options.find((o) => o.drugs[0]?.drug === 'paracetamol')!;
    expect(para.warnings).toContainEqual(
      expect.objectContaining({
        kind: 'age',
        severity: 'major',
        source: expect.stringMatching(/BNFc 2024-25 paracetamol/),
      }),
    );
    const older = await recommendFor({}, { resources: infant(4), at });
    const para4 = recommendationOn(older, 'paediatric-analgesia')!.options.find(
      (o) => o.drugs[0]?.drug === 'paracetamol',
    )!;
    expect(para4.warnings.filter((w) => w.kind === 'age')).toEqual([]);
  });

  it('enforces the table minimum of every cephalosporin (ceftriaxone from 1, cefpodoxime from 2, cefuroxime from 3 months)', () => {
    const facts = (months: number) =>
      patientFacts([patient({ age: 0, months, sex: 'female' })], at);
    const ageWarning = (drug: string, months: number) =>
      drugWarnings(drug, facts(months)).some((w) => w.kind === 'age' && w.severity === 'major');
    expect(ageWarning('ceftriaxone', 0)).toBe(true);
    expect(ageWarning('ceftriaxone', 1)).toBe(false);
    expect(ageWarning('cefpodoxime', 1)).toBe(true);
    expect(ageWarning('cefpodoxime', 2)).toBe(false);
    expect(ageWarning('cefuroxime', 2)).toBe(true);
    expect(ageWarning('cefuroxime', 3)).toBe(false);
  });
});

describe('pregnancy (ADA 2025 section 15; ACOG PB 222 2020 and 2022 CHAP advisory)', () => {
  const pregnant = (...rest: Resource[]) => [
    patient({ age: 30, sex: 'female' }),
    condition(icd.pregnancy),
    ...rest,
  ];

  it('type 2 diabetes in pregnancy: insulin, no metformin, and metformin taken is flagged', async () => {
    const report = await recommendFor(
      {},
      {
        resources: pregnant(
          condition(icd.type2Diabetes),
          observation(loinc.hba1c, 7.4, '%'),
          medication('metformin 500 MG Oral Tablet'),
        ),
        at,
      },
    );
    const t2d = recommendationOn(report, 'type-2-diabetes')!;
    expect(drugsOf(report, 'type-2-diabetes')).toEqual(['insulin']);
    expect(t2d.summary).toMatch(/fasting 70-95 mg\/dL.*A1C < 6 %/);
    expect(t2d.options[0]!.source).toMatch(/section 15/);
    const metformin = report.medicationReview.find((a) => a.drug === 'metformin')!;
    expect(metformin.warnings).toContainEqual(
      expect.objectContaining({ kind: 'pregnancy', message: expect.stringMatching(/placenta/) }),
    );
  });

  it('no antihypertensive below 140/90 in pregnancy; labetalol or nifedipine at 140/90; severe at 160/110', async () => {
    const at3 = (s: number, d: number) => [...bp(s, d, 5), ...bp(s, d, 20), ...bp(s, d, 40)];
    const mild = await recommendFor(
      {},
      { resources: pregnant(condition(icd.hypertension), ...at3(134, 84)), at },
    );
    expect(drugsOf(mild, 'hypertension')).toEqual([]);
    expect(recommendationOn(mild, 'hypertension')!.summary).toMatch(/below the 140\/90/);
    const treat = await recommendFor(
      {},
      { resources: pregnant(condition(icd.hypertension), ...at3(142, 88)), at },
    );
    expect(drugsOf(treat, 'hypertension')).toEqual(['labetalol', 'nifedipine']);
    const severe = await recommendFor(
      {},
      { resources: pregnant(condition(icd.hypertension), ...at3(150, 112)), at },
    );
    expect(recommendationOn(severe, 'hypertension')!.summary).toMatch(/severe range/);
  });
});

describe('stale and non-applicable scores (risk/fhir/provide.ts maximum ages)', () => {
  it('asks for a new PHQ-9 instead of proposing an antidepressant from one 2 years old', async () => {
    const report = await recommendFor(
      {},
      {
        resources: [
          patient({ age: 40, sex: 'female' }),
          condition(icd.depression),
          observation(loinc.phq9, 22, '{score}', 730),
        ],
        at,
      },
    );
    const r = recommendationOn(report, 'depression')!;
    expect(r.options.map((o) => o.label)).toEqual(['Repeat the PHQ-9']);
    expect(r.summary).toMatch(/older than 14 days/);
  });

  it('asks for a new GAD-7 instead of proposing sertraline from one 60 days old', async () => {
    const report = await recommendFor(
      {},
      {
        resources: [
          patient({ age: 40, sex: 'female' }),
          condition(icd.anxiety),
          observation(loinc.gad7, 16, '{score}', 60),
        ],
        at,
      },
    );
    expect(drugsOf(report, 'anxiety')).not.toContain('sertraline');
    expect(recommendationOn(report, 'anxiety')!.options[0]!.label).toBe('Repeat the GAD-7');
  });

  const goff = (lipidsDaysAgo: number, totalCholesterol = 213) => [
    patient({ age: 55, sex: 'male' }),
    observation(loinc.totalCholesterol, totalCholesterol, 'mg/dL', lipidsDaysAgo),
    observation(loinc.hdl, 50, 'mg/dL', lipidsDaysAgo),
    observation(loinc.ldl, 130, 'mg/dL', lipidsDaysAgo),
    ...bp(120, 75),
    smoking('never'),
  ];

  it('no statin from a 10-year risk computed on lipids more than a year old, and says why', async () => {
    const report = await recommendFor({}, { resources: goff(400), at });
    const lipids = recommendationOn(report, 'lipids')!;
    expect(lipids.options).toEqual([]);
    expect(lipids.summary).toMatch(/not usable for a statin decision: .*stale inputs/);
    // The same patient with current lipids: the borderline moderate-intensity statin.
    const current = await recommendFor({}, { resources: goff(10), at });
    expect(drugsOf(current, 'lipids')).toContain('atorvastatin');
  });

  it('no statin from a 10-year risk outside the PCE validated ranges (total cholesterol 340 mg/dL)', async () => {
    const report = await recommendFor({}, { resources: goff(10, 340), at });
    const lipids = recommendationOn(report, 'lipids')!;
    expect(lipids.options).toEqual([]);
    expect(lipids.summary).toMatch(/outside its validated use .*total cholesterol/);
  });
});

describe('asthma: one ICS-containing maintenance inhaler, never a LABA alone (GINA 2024; Serevent PI)', () => {
  const asthmatic = (...meds: string[]) => [
    patient({ age: 40, sex: 'female' }),
    condition(icd.asthma),
    ...meds.map((m) => medication(m)),
  ];

  it('a proposed ICS-formoterol replaces the ICS-LABA taken; on top of it, it is a duplicate', async () => {
    const resources = asthmatic(
      'fluticasone propionate 250 MCG / salmeterol 50 MCG Dry Powder Inhaler',
    );
    const report = await recommendFor({}, { resources, at });
    const first = recommendationOn(report, 'asthma')!.options[0]!;
    expect(first.replaces).toEqual(expect.arrayContaining(['fluticasone', 'salmeterol']));
    const facts = patientFacts(resources, at);
    const added = [
      ...drugWarnings('formoterol', facts, ['budesonide']),
      ...drugWarnings('budesonide', facts, ['formoterol']),
    ];
    expect(added).toContainEqual(
      expect.objectContaining({ kind: 'duplicate', message: expect.stringMatching(/laba/) }),
    );
    expect(added).toContainEqual(
      expect.objectContaining({
        kind: 'duplicate',
        message: expect.stringMatching(/inhaled corticosteroid/),
      }),
    );
  });

  it('salmeterol alone is no step: contraindicated in the review, replaced by ICS-formoterol', async () => {
    const report = await recommendFor(
      {},
      { resources: asthmatic('salmeterol 50 MCG Dry Powder Inhaler'), at },
    );
    const r = recommendationOn(report, 'asthma')!;
    expect(r.summary).toMatch(/LABA without an inhaled corticosteroid/);
    expect(r.options[0]!.replaces).toEqual(['salmeterol']);
    expect(r.options[0]!.drugs.map((d) => d.drug)).toEqual(['budesonide', 'formoterol']);
    const alert = report.medicationReview.find((a) => a.drug === 'salmeterol')!;
    expect(alert.warnings).toContainEqual(
      expect.objectContaining({
        severity: 'contraindicated',
        source: expect.stringMatching(/GINA 2024/),
      }),
    );
  });
});

describe('hepatic impairment from ALT (FDA DILI guidance 2009: > 3 x ULN)', () => {
  const withAlt = (value: number, unit: string, daysAgo: number) =>
    patientFacts([patient({ age: 50, sex: 'male' }), observation(alt, value, unit, daysAgo)], at);

  it('counts an ALT of 150 U/L within 90 days, not 6 years ago', () => {
    expect(withAlt(150, 'U/L', 30).hepaticImpairment).toBeDefined();
    expect(withAlt(150, 'U/L', 6 * 365).hepaticImpairment).toBeUndefined();
    expect(withAlt(150, 'U/L', 91).hepaticImpairment).toBeUndefined();
  });

  it('reads µkat/L as 60 U/L each, and does not use an ALT in a unit it does not know', () => {
    expect(withAlt(5, 'ukat/L', 5).hepaticImpairment?.source).toMatch(/300 U\/L/);
    expect(withAlt(1.5, 'ukat/L', 5).hepaticImpairment).toBeUndefined();
    const unknown = withAlt(150, 'mmol/L', 5);
    expect(unknown.hepaticImpairment).toBeUndefined();
    expect(unknown.labs.unusable?.join(' ')).toMatch(/ALT: .*"mmol\/L", a unit not recognised/);
  });
});

describe('DOAC renal dosing agrees with the US labels', () => {
  const rule = (drug: string) => renalRules.find((r) => r.drugs?.includes(drug))!;
  const atCrcl = (value: number) =>
    ({ labs: { crcl: { value, unit: 'mL/min', source: 'test' } } }) as never;

  it('rivaroxaban 15 mg at CrCl <= 50 (Xarelto PI 2.3), so also at exactly 50', () => {
    expect(rule('rivaroxaban').check(atCrcl(50), 'rivaroxaban')?.message).toMatch(/15 mg/);
    expect(rule('rivaroxaban').check(atCrcl(51), 'rivaroxaban')).toBeUndefined();
  });

  it('dabigatran 75 mg at CrCl 15-30, not offered below 15 (Pradaxa US PI 2.3)', async () => {
    expect(rule('dabigatran').check(atCrcl(20), 'dabigatran')).toMatchObject({
      severity: 'moderate',
      message: expect.stringMatching(/75 mg/),
    });
    expect(rule('dabigatran').check(atCrcl(30), 'dabigatran')?.message).toMatch(/15-30/);
    expect(rule('dabigatran').check(atCrcl(14), 'dabigatran')?.severity).toBe('contraindicated');
    // 80-year-old woman, 50 kg, creatinine 4 mg/dL: Cockcroft-Gault 9 mL/min.
    const report = await recommendFor(
      {},
      {
        resources: [
          patient({ age: 80, sex: 'female' }),
          condition(icd.atrialFibrillation),
          condition(icd.hypertension),
          observation(loinc.weight, 50, 'kg'),
          observation(loinc.creatinine, 4, 'mg/dL'),
        ],
        at,
      },
    );
    expect(drugsOf(report, 'atrial-fibrillation')).not.toContain('dabigatran');
    // CrCl 25: dabigatran 75 mg (woman 80, 50 kg, creatinine 1.4: CG about 25).
    const moderate = await recommendFor(
      {},
      {
        resources: [
          patient({ age: 80, sex: 'female' }),
          condition(icd.atrialFibrillation),
          observation(loinc.weight, 50, 'kg'),
          observation(loinc.creatinine, 1.4, 'mg/dL'),
        ],
        at,
      },
    );
    const dabigatran = recommendationOn(moderate, 'atrial-fibrillation')!.options.find(
      (o) => o.drugs[0]!.drug === 'dabigatran',
    )!;
    expect(dabigatran.drugs[0]!.dose).toMatch(/^75 mg/);
  });

  it('apixaban: a dose-reduction criterion not recorded is unknown, not "not met"', () => {
    const noWeight = patientFacts(
      [patient({ age: 85, sex: 'female' }), observation(loinc.creatinine, 1.0, 'mg/dL')],
      at,
    );
    expect(apixabanDose(noWeight)).toMatch(/cannot be confirmed without a current weight/);
    const known = patientFacts(
      [
        patient({ age: 70, sex: 'female' }),
        observation(loinc.creatinine, 1.0, 'mg/dL'),
        observation(loinc.weight, 70, 'kg'),
      ],
      at,
    );
    expect(apixabanDose(known)).toBe('5 mg orally twice daily');
  });
});
