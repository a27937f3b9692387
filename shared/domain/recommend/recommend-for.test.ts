import type { Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { genomeGenotypes } from '../pgx/genotypes.testkit';
import { parseOutsideCalls } from '../pgx/outside-calls';
import { pgxProfile } from '../pgx/profile';
import { ValidationError } from '../errors';
import { recommendFor } from './recommend-for';
import type { RecommendationReport } from './model';
import {
  allergy,
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

const recommendation = recommendationOn;
const drugsOf = (report: RecommendationReport, topic: string) =>
  recommendation(report, topic)?.options.map((o) => o.drugs.map((d) => d.drug).join('+')) ?? [];

// Goff DC Jr et al. 2013 ACC/AHA risk assessment guideline, Table A worked example: age 55, total
// cholesterol 213 mg/dL, HDL 50 mg/dL, untreated SBP 120 mmHg, non-smoker, no diabetes -> 10-year
// risk 2.1 % (white woman) and 5.3 % (white man).
function goffExample(sex: 'female' | 'male', ldl = 130): Resource[] {
  return [
    patient({ age: 55, sex }),
    observation(loinc.totalCholesterol, 213, 'mg/dL'),
    observation(loinc.hdl, 50, 'mg/dL'),
    observation(loinc.ldl, ldl, 'mg/dL'),
    ...bp(120, 75),
    smoking('never'),
  ];
}

describe('Function: recommendFor — cholesterol (2018 AHA/ACC worked examples)', () => {
  it('proposes lifestyle and no statin for the Goff white woman at 2.1 % 10-year risk', async () => {
    // Act
    const report = await recommendFor({}, { resources: goffExample('female'), at });
    // Assess
    const lipids = recommendation(report, 'lipids')!;
    expect(lipids.inputs.find((i) => i.name === '10-year ASCVD risk')?.value).toBe(2.1);
    expect(lipids.options.every((o) => o.kind === 'non-drug')).toBe(true);
  });

  it('proposes a moderate-intensity statin, weakly, for the Goff white man at 5.3 % (borderline)', async () => {
    const report = await recommendFor({}, { resources: goffExample('male'), at });
    const lipids = recommendation(report, 'lipids')!;
    // The guideline prints 5.3 (truncated); the equation gives 5.38, shown as 5.4 (risk module).
    const risk = lipids.inputs.find((i) => i.name === '10-year ASCVD risk')?.value as number;
    expect(Math.abs(risk - 5.3)).toBeLessThanOrEqual(0.1 + 1e-9);
    const statins = lipids.options.filter((o) => o.kind === 'drug');
    expect(statins.length).toBeGreaterThan(0);
    expect(
      statins.every((o) => o.label.startsWith('moderate-intensity') && o.strength === 'weak'),
    ).toBe(true);
    expect(lipids.notes.join(' ')).toMatch(/risk enhancers/);
  });

  it('proposes a high-intensity statin for LDL-C >= 190 mg/dL whatever the calculated risk', async () => {
    const report = await recommendFor({}, { resources: goffExample('female', 195), at });
    const statins = recommendation(report, 'lipids')!.options.filter((o) => o.kind === 'drug');
    expect(statins.map((o) => o.label)).toContain('high-intensity statin (atorvastatin)');
    expect(statins.every((o) => o.label.startsWith('high-intensity'))).toBe(true);
  });

  it('proposes a high-intensity statin after a myocardial infarction at 60 (secondary prevention)', async () => {
    const resources = [...goffExample('male'), condition(icd.nstemi)];
    const report = await recommendFor({}, { resources, at });
    expect(recommendation(report, 'lipids')!.summary).toMatch(/clinical ASCVD.*high-intensity/);
  });
});

describe('Function: recommendFor — antiplatelet therapy more than 12 months after an ACS (2023 CCD guideline 4.3.1)', () => {
  const acsOn = (onset: string, ...rest: ReturnType<typeof medication>[]) => [
    patient({ age: 66, sex: 'male' }),
    condition(icd.nstemi, '401314000', onset),
    observation(loinc.weight, 82, 'kg'),
    ...rest,
  ];

  it('proposes low-dose aspirin, not DAPT with a loading dose, to a patient whose MI was years ago', async () => {
    const report = await recommendFor({}, { resources: acsOn('2023-01-01'), at });
    const acs = recommendation(report, 'acute-coronary-syndrome')!;
    expect(acs.summary).toBe(
      'ACS on 2023-01-01, more than 12 months ago: low-dose aspirin long term; none taken',
    );
    expect(drugsOf(report, 'acute-coronary-syndrome')).toEqual(['aspirin']);
    expect(acs.options[0]).toMatchObject({ strength: 'strong', evidence: 'A' });
    expect(acs.options[0]!.source).toMatch(/Virani SS.*section 4\.3\.1/);
  });

  it('counts a partial onset date from the latest day it can mean (FHIR dateTime YYYY or YYYY-MM)', async () => {
    const drugs = async (onset: string) =>
      drugsOf(await recommendFor({}, { resources: acsOn(onset), at }), 'acute-coronary-syndrome');
    // "2023" is at the latest 2023-12-31, 518 days before testAt: aspirin alone.
    expect(await drugs('2023')).toEqual(['aspirin']);
    // "2024" could be 2024-12-31, 152 days before: still DAPT.
    expect(await drugs('2024')).toContain('ticagrelor+aspirin');
    // "2024-05" could be 2024-05-31, 366 days before: aspirin alone; "2024-06" is DAPT.
    expect(await drugs('2024-05')).toEqual(['aspirin']);
    expect(await drugs('2024-06')).toContain('ticagrelor+aspirin');
  });

  it('gives DAPT to an ACS with no onset date, and says the 12 months cannot be timed', async () => {
    const undated = acsOn('2024-01-01').map((r) =>
      r.resourceType === 'Condition' ? { ...r, onsetDateTime: undefined } : r,
    );
    const report = await recommendFor({}, { resources: undated, at });
    expect(drugsOf(report, 'acute-coronary-syndrome')).toContain('ticagrelor+aspirin');
    expect(recommendation(report, 'acute-coronary-syndrome')!.notes).toContain(
      'the ACS has no onset date: DAPT is for the first 12 months after it, then aspirin alone',
    );
    const dated = await recommendFor({}, { resources: acsOn('2025-03-01'), at });
    expect(recommendation(dated, 'acute-coronary-syndrome')!.notes.join(' ')).not.toMatch(
      /no onset date/,
    );
  });

  it('gives DAPT through the 12th month and aspirin alone from the day after (testAt 2025-06-01)', async () => {
    const dapt = await recommendFor({}, { resources: acsOn('2024-06-01'), at });
    expect(drugsOf(dapt, 'acute-coronary-syndrome')).toContain('ticagrelor+aspirin');
    const later = await recommendFor({}, { resources: acsOn('2024-05-31'), at });
    expect(drugsOf(later, 'acute-coronary-syndrome')).toEqual(['aspirin']);
  });

  it('times DAPT from the latest ACS when there were two (an MI in 2016, an NSTEMI in 2025)', async () => {
    const resources = [...acsOn('2016-04-18'), condition(icd.nstemi, '401314000', '2025-03-01')];
    const report = await recommendFor({}, { resources, at });
    expect(drugsOf(report, 'acute-coronary-syndrome')).toContain('ticagrelor+aspirin');
    // The same, listed the other way round.
    const reversed = [...acsOn('2025-03-01'), condition(icd.nstemi, '401314000', '2016-04-18')];
    const again = await recommendFor({}, { resources: reversed, at });
    expect(drugsOf(again, 'acute-coronary-syndrome')).toContain('ticagrelor+aspirin');
  });

  it('on an anticoagulant 1-12 months after the ACS: clopidogrel without aspirin, no triple therapy (2021 North American consensus)', async () => {
    // NSTEMI on 2025-03-01 (92 days before testAt), apixaban for AF.
    const onApixaban = (...meds: string[]) =>
      acsOn(
        '2025-03-01',
        medication('apixaban 5 MG Oral Tablet'),
        ...meds.map((m) => medication(m)),
      );
    const none = await recommendFor({}, { resources: onApixaban(), at });
    expect(drugsOf(none, 'acute-coronary-syndrome')).toEqual(['clopidogrel']);
    expect(recommendation(none, 'acute-coronary-syndrome')!.summary).toMatch(
      /while taking an oral anticoagulant: clopidogrel with it, no aspirin/,
    );
    // On triple therapy: stop aspirin, keep clopidogrel.
    const triple = await recommendFor(
      {},
      { resources: onApixaban('clopidogrel 75 MG Oral Tablet', 'aspirin 81 MG Oral Tablet'), at },
    );
    const stop = recommendation(triple, 'acute-coronary-syndrome')!.options;
    expect(stop.map((o) => o.label)).toEqual([
      'Stop aspirin: clopidogrel with the anticoagulant alone',
    ]);
    // Already on clopidogrel alone with the anticoagulant: nothing to change.
    const done = await recommendFor(
      {},
      { resources: onApixaban('clopidogrel 75 MG Oral Tablet'), at },
    );
    expect(recommendation(done, 'acute-coronary-syndrome')).toBeUndefined();
    // Within 30 days of the ACS (peri-PCI): clopidogrel, with aspirin only time-limited to day 30,
    // and never ticagrelor or prasugrel with the anticoagulant (until 2026 they were ranked first).
    const early = await recommendFor(
      {},
      { resources: acsOn('2025-05-15', medication('apixaban 5 MG Oral Tablet')), at },
    );
    expect(drugsOf(early, 'acute-coronary-syndrome')).toEqual([
      'clopidogrel',
      'clopidogrel+aspirin',
    ]);
  });

  it('proposes nothing to a patient already on aspirin or on an anticoagulant', async () => {
    for (const drug of ['aspirin 81 MG Oral Tablet', 'apixaban 5 MG Oral Tablet']) {
      const report = await recommendFor(
        {},
        { resources: acsOn('2023-01-01', medication(drug)), at },
      );
      expect(recommendation(report, 'acute-coronary-syndrome')).toBeUndefined();
    }
  });
});

describe('Function: recommendFor — antiplatelet therapy and CYP2C19 (CPIC 2022)', () => {
  const acsOnClopidogrel = [
    patient({ age: 62, sex: 'male' }),
    condition(icd.nstemi, '401314000', '2025-03-01'),
    medication('clopidogrel 75 MG Oral Tablet'),
    medication('aspirin 81 MG Oral Tablet'),
    observation(loinc.weight, 82, 'kg'),
  ];

  it('ranks prasugrel or ticagrelor first and flags clopidogrel for a CYP2C19 *2/*2 poor metaboliser', async () => {
    // Prepare
    const pgx = pgxProfile(genomeGenotypes({ CYP2C19: ['*2', '*2'] }));
    // Act
    const report = await recommendFor({}, { resources: acsOnClopidogrel, pgx, at });
    // Assess
    const acs = recommendation(report, 'acute-coronary-syndrome')!;
    expect(['ticagrelor+aspirin', 'prasugrel+aspirin']).toContain(
      drugsOf(report, 'acute-coronary-syndrome')[0],
    );
    const clopidogrel = acs.options.find((o) => o.drugs[0]!.drug === 'clopidogrel')!;
    expect(clopidogrel.rank).toBe(3);
    expect(clopidogrel.warnings).toContainEqual(
      expect.objectContaining({ kind: 'pgx', severity: 'major' }),
    );
    const alert = report.medicationReview.find((a) => a.drug === 'clopidogrel')!;
    expect(alert.warnings[0]!.message).toMatch(/Poor Metabolizer/);
    expect(alert.suggestion).toMatch(/prasugrel or ticagrelor/);
  });

  it('does not penalise switching: a replacement P2Y12 inhibitor is not a duplicate of clopidogrel', async () => {
    const report = await recommendFor({}, { resources: acsOnClopidogrel, at });
    const ticagrelor = recommendation(report, 'acute-coronary-syndrome')!.options.find(
      (o) => o.drugs[0]!.drug === 'ticagrelor',
    )!;
    expect(ticagrelor.warnings.filter((w) => w.kind === 'duplicate')).toEqual([]);
  });

  it('blocks prasugrel after a stroke, saying why', async () => {
    const report = await recommendFor(
      {},
      { resources: [...acsOnClopidogrel, condition(icd.stroke)], at },
    );
    const prasugrel = recommendation(report, 'acute-coronary-syndrome')!.options.find(
      (o) => o.drugs[0]!.drug === 'prasugrel',
    )!;
    expect(prasugrel.blocked).toBe(true);
    expect(prasugrel.warnings[0]!.message).toMatch(/stroke/);
  });
});

describe('Function: recommendFor — the medication review against every CPIC gene-drug pair', () => {
  const on = (med: string) => [patient({ age: 58, sex: 'female' }), medication(med)];
  const review = async (med: string, pgx: ReturnType<typeof pgxProfile>) =>
    (await recommendFor({}, { resources: on(med), pgx, at })).medicationReview;

  it('flags capecitabine for a DPYD c.1905+1G>A heterozygote: half the starting dose (CPIC 2017, activity score 1)', async () => {
    // Prepare
    const pgx = pgxProfile(genomeGenotypes({ DPYD: ['Reference', 'c.1905+1G>A (*2A)'] }));
    // Act
    const alerts = await review('capecitabine 500 MG Oral Tablet', pgx);
    // Assess
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      drug: 'capecitabine',
      warnings: [{ kind: 'pgx', severity: 'moderate' }],
    });
    expect(alerts[0]!.warnings[0]!.message).toMatch(
      /^DPYD Intermediate Metabolizer: Reduce starting dose by 50%/,
    );
    expect(alerts[0]!.suggestion).toMatch(/^Reduce starting dose by 50%/);
  });

  it('flags azathioprine for TPMT *3A/*3A as major and carbamazepine for HLA-B*15:02 as contraindicated; nothing for TPMT *1/*1', async () => {
    const tpmtPoor = pgxProfile(genomeGenotypes({ TPMT: ['*3A', '*3A'] }));
    expect((await review('azathioprine 50 MG Oral Tablet', tpmtPoor))[0]).toMatchObject({
      drug: 'azathioprine',
      warnings: [{ kind: 'pgx', severity: 'major' }],
    });
    const hla = pgxProfile(genomeGenotypes(), parseOutsideCalls('HLA-B\t*15:02/*07:02\n'));
    expect((await review('carbamazepine 200 MG Oral Tablet', hla))[0]).toMatchObject({
      drug: 'carbamazepine',
      warnings: [{ kind: 'pgx', severity: 'contraindicated' }],
    });
    expect(await review('azathioprine 50 MG Oral Tablet', pgxProfile(genomeGenotypes()))).toEqual(
      [],
    );
  });

  it('raises no alarm where CPIC says there is no need to avoid atazanavir (UGT1A1 *1/*28)', async () => {
    const pgx = pgxProfile(genomeGenotypes({ UGT1A1: ['*1', '*28'] }));
    expect(await review('atazanavir 300 MG Oral Capsule', pgx)).toEqual([]);
  });
});

describe('Function: recommendFor — paediatric otitis media (AAP 2013)', () => {
  const child = (reaction: string) => [
    patient({ age: 3, sex: 'female' }),
    condition(icd.otitisMedia, '65363002', '2025-05-30'),
    observation(loinc.weight, 15, 'kg', 2),
    allergy('Penicillin', reaction, '764146007'),
  ];

  it('never proposes amoxicillin to a penicillin-allergic child without a blocking warning, and ranks cefdinir first', async () => {
    const report = await recommendFor({}, { resources: child('Rash'), at });
    const aom = recommendation(report, 'otitis-media')!;
    const amoxicillin = aom.options.find((o) => o.drugs[0]?.drug === 'amoxicillin')!;
    expect(amoxicillin.blocked).toBe(true);
    expect(amoxicillin.warnings[0]).toMatchObject({ kind: 'allergy', severity: 'contraindicated' });
    expect(aom.options[0]!.drugs[0]).toEqual({
      drug: 'cefdinir',
      dose: expect.stringMatching(/^105 mg orally every 12 hours/),
    });
    expect(aom.options[0]!.warnings).toContainEqual(
      expect.objectContaining({ kind: 'cross-sensitivity', severity: 'caution' }),
    );
  });

  it('offers azithromycin and marks cephalosporins major after an anaphylactic penicillin reaction', async () => {
    const aom = recommendation(
      await recommendFor({}, { resources: child('Anaphylaxis'), at }),
      'otitis-media',
    )!;
    expect(aom.options.map((o) => o.drugs[0]?.drug)).toContain('azithromycin');
    const cefdinir = aom.options.find((o) => o.drugs[0]?.drug === 'cefdinir')!;
    expect(cefdinir.warnings[0]).toMatchObject({ kind: 'cross-sensitivity', severity: 'major' });
  });

  it('doses paracetamol and ibuprofen by weight for the same child', async () => {
    const report = await recommendFor({}, { resources: child('Rash'), at });
    const pain = recommendation(report, 'paediatric-analgesia')!;
    const dose = (drug: string) =>
      pain.options.find((o) => o.drugs[0]!.drug === drug)!.drugs[0]!.dose;
    expect(dose('paracetamol')).toMatch(/^225 mg orally every 6 hours/);
    expect(dose('ibuprofen')).toMatch(/^150 mg orally every 6-8 hours/);
  });
});

describe('Function: recommendFor — renal safety and diabetes (ADA 2025)', () => {
  it('flags metformin as contraindicated at eGFR 25 and proposes an SGLT2 inhibitor for CKD', async () => {
    const resources = [
      patient({ age: 68, sex: 'male' }),
      condition(icd.type2Diabetes),
      medication('metformin hydrochloride 500 MG Oral Tablet'),
      observation(loinc.egfr, 25, 'mL/min/{1.73_m2}'),
      observation(loinc.hba1c, 8.1, '%', 20),
    ];
    const report = await recommendFor({}, { resources, at });
    const alert = report.medicationReview.find((a) => a.drug === 'metformin')!;
    expect(alert.warnings[0]).toMatchObject({ kind: 'renal', severity: 'contraindicated' });
    expect(alert.warnings[0]!.evidence![0]).toMatch(/25/);
    const t2d = recommendation(report, 'type-2-diabetes')!;
    expect(t2d.options[0]!.drugs[0]!.drug).toBe('empagliflozin');
    expect(t2d.options.some((o) => o.drugs[0]?.drug === 'metformin')).toBe(false);
  });
});

describe('Function: recommendFor — hypertension (2017 ACC/AHA)', () => {
  it('starts two first-line classes in stage 2 but never an ACE inhibitor with an ARB', async () => {
    const resources = [
      patient({ age: 50, sex: 'male' }),
      condition(icd.hypertension),
      ...bp(164, 102),
      ...bp(160, 98, 40),
    ];
    const htn = recommendation(await recommendFor({}, { resources, at }), 'hypertension')!;
    expect(htn.summary).toMatch(/^stage 2 hypertension: mean 162\/100/);
    const combos = htn.options
      .filter((o) => o.drugs.length === 2)
      .map((o) =>
        o.drugs
          .map((d) => d.drug)
          .sort()
          .join('+'),
      );
    expect(combos.length).toBe(5);
    expect(combos).not.toContain('lisinopril+losartan');
    expect(htn.options[0]!.drugs.length).toBe(2);
  });

  it('ranks a thiazide or CCB above ACE inhibitor monotherapy for a Black adult without CKD', async () => {
    const resources = [
      patient({ age: 50, sex: 'female', black: true }),
      condition(icd.hypertension),
      ...bp(136, 84),
    ];
    const htn = recommendation(await recommendFor({}, { resources, at: at }), 'hypertension');
    // Stage 1 with no high-risk feature and no ASCVD score: lifestyle only.
    expect(htn?.options.every((o) => o.kind === 'non-drug')).toBe(true);
    const stage2 = [
      patient({ age: 50, sex: 'female', black: true }),
      condition(icd.hypertension),
      ...bp(146, 88),
    ];
    const options = recommendation(
      await recommendFor({}, { resources: stage2, at }),
      'hypertension',
    )!.options;
    const rank = (drug: string) =>
      options.find((o) => o.drugs.length === 1 && o.drugs[0]!.drug === drug)!.rank;
    expect(rank('chlorthalidone')).toBeLessThan(rank('lisinopril'));
    expect(rank('amlodipine')).toBeLessThan(rank('losartan'));
  });

  it('proposes labetalol or nifedipine in pregnancy and no ACE inhibitor', async () => {
    const resources = [
      patient({ age: 30, sex: 'female' }),
      condition(icd.hypertension),
      condition(icd.pregnancy, '77386006'),
      ...bp(150, 100),
    ];
    const drugs = drugsOf(await recommendFor({}, { resources, at }), 'hypertension');
    expect(drugs).toEqual(expect.arrayContaining(['labetalol', 'nifedipine']));
    expect(drugs).not.toContain('lisinopril');
  });
});

describe('Function: recommendFor — atrial fibrillation (2023 ACC/AHA/ACCP/HRS)', () => {
  it('recommends a DOAC, apixaban first, for a 70-year-old woman with hypertension (CHA2DS2-VASc 3)', async () => {
    const resources = [
      patient({ age: 70, sex: 'female' }),
      condition(icd.atrialFibrillation),
      condition(icd.hypertension),
      observation(loinc.weight, 70, 'kg'),
      observation(loinc.creatinine, 0.9, 'mg/dL'),
      ...bp(128, 78),
    ];
    const af = recommendation(await recommendFor({}, { resources, at }), 'atrial-fibrillation')!;
    expect(af.summary).toBe('CHA2DS2-VASc 3 (female): oral anticoagulation recommended');
    expect(af.options[0]!.drugs[0]).toEqual({ drug: 'apixaban', dose: '5 mg orally twice daily' });
    const warfarin = af.options.find((o) => o.drugs[0]!.drug === 'warfarin')!;
    expect(warfarin.rank).toBe(af.options.length);
  });
});

describe('Function: recommendFor — depression, oncology, stability, errors', () => {
  it('proposes an SSRI alongside psychotherapy at PHQ-9 16 (moderately severe)', async () => {
    const resources = [
      patient({ age: 40, sex: 'female' }),
      condition(icd.depression),
      observation(loinc.phq9, 16, '{score}', 3),
    ];
    const dep = recommendation(await recommendFor({}, { resources, at }), 'depression')!;
    expect(dep.summary).toMatch(/^PHQ-9 16 \(moderately severe\)/);
    expect(dep.options.map((o) => o.drugs[0]?.drug)).toEqual(
      expect.arrayContaining(['sertraline', 'escitalopram']),
    );
  });

  it('proposes osimertinib for EGFR L858R lung cancer found in the VCF', async () => {
    const resources = [patient({ age: 66, sex: 'male' }), condition(icd.lungCancer)];
    const tumour = [{ gene: 'EGFR', alteration: 'L858R', germline: false, source: 'x.vcf line 9' }];
    const onc = recommendation(await recommendFor({}, { resources, tumour, at }), 'oncology')!;
    expect(onc.options[0]!.drugs[0]!.drug).toBe('osimertinib');
    expect(onc.options[0]!.source).toMatch(/OncoKB.*FLAURA/);
  });

  it('does not propose again a targeted regimen the patient is on, and says what is taken', async () => {
    const her2 = [
      { gene: 'ERBB2', alteration: 'amplification', germline: false, source: 'y.vcf line 4' },
    ];
    const base = [patient({ age: 52, sex: 'female' }), condition(icd.breastCancer)];
    const naive = recommendation(
      await recommendFor({}, { resources: base, tumour: her2, at }),
      'oncology',
    )!;
    expect(naive.options.map((o) => o.drugs.map((d) => d.drug).join('+'))).toEqual([
      'trastuzumab+pertuzumab',
    ]);
    expect(naive.notes.join(' ')).not.toMatch(/already taking/);
    // On adjuvant trastuzumab alone (generator 1.9.0 codes it RxNorm 224905, "trastuzumab"): the
    // regimen with pertuzumab stays, for the oncologist to weigh; the note names what is taken.
    const onTrastuzumab = recommendation(
      await recommendFor({}, { resources: [...base, medication('trastuzumab')], tumour: her2, at }),
      'oncology',
    )!;
    expect(onTrastuzumab.options).toHaveLength(1);
    expect(onTrastuzumab.notes[0]).toMatch(
      /^Trastuzumab \+ pertuzumab with a taxane for ERBB2 amplification: already taking trastuzumab$/,
    );
    // On both: nothing proposed again.
    const onBoth = recommendation(
      await recommendFor(
        {},
        {
          resources: [...base, medication('trastuzumab'), medication('pertuzumab')],
          tumour: her2,
          at,
        },
      ),
      'oncology',
    )!;
    expect(onBoth.options).toHaveLength(0);
    // A year of adjuvant trastuzumab that ended (as generator 1.9.0 writes it: status completed,
    // boundsPeriod end): proposed again, with when it ended, for a clinician to weigh.
    const completed = {
      ...medication('trastuzumab'),
      status: 'completed',
      dosageInstruction: [
        {
          timing: {
            repeat: {
              boundsPeriod: { start: '2024-02-16', end: '2025-02-14' },
              frequency: 1,
              period: 3,
              periodUnit: 'wk',
            },
          },
        },
      ],
    } as Resource;
    const finished = recommendation(
      await recommendFor({}, { resources: [...base, completed], tumour: her2, at }),
      'oncology',
    )!;
    expect(finished.options).toHaveLength(1);
    expect(finished.notes[0]).toBe(
      'Trastuzumab + pertuzumab with a taxane for ERBB2 amplification: trastuzumab completed (course ended 2025-02-14); a new course is for recurrence or metastatic disease',
    );
    expect(onBoth.notes[0]).toMatch(
      /already taking trastuzumab and pertuzumab, so not proposed again$/,
    );
  });

  it('gives the same ids for the same inputs, every option "proposed" with every factor explained', async () => {
    const resources = goffExample('male');
    const a = await recommendFor({}, { resources, at });
    const b = await recommendFor({}, { resources: structuredClone(resources).reverse(), at });
    expect(a.recommendations.map((r) => r.id)).toEqual(b.recommendations.map((r) => r.id));
    expect(a.status).toBe('proposed');
    for (const r of a.recommendations)
      for (const o of r.options) {
        expect(o.factors.map((f) => f.name).sort()).toEqual([
          'adverse-event risk',
          'benefit',
          'evidence level',
          'guideline strength',
          'pgx fit',
        ]);
        expect(o.score).toBeCloseTo(
          o.factors.reduce((s, f) => s + f.contribution, 0),
          2,
        );
      }
  });

  it('refuses resources without a Patient', async () => {
    await expect(
      recommendFor({}, { resources: [condition(icd.hypertension)], at }),
    ).rejects.toThrow(ValidationError);
  });
});
