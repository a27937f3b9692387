// Tests (recommend/guidelines): depression and anxiety under 18 follow the paediatric guidelines (NICE
// NG134 2019, AACAP 2020), not the adult stepped care; the antidepressant age warnings follow the FDA
// class boxed warning, and "fluoxetine first" only for depression. A PHQ-9 item 9 recorded but
// unreadable reaches the depression recommendation, never read as a negative answer; with no depression
// recommendation (a low total, no diagnosis) it gets a same-day suicide risk recommendation of its own.
import type { Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import type { RecommendationReport } from '../model';
import { recommendFor } from '../recommend-for';
import {
  condition,
  icd,
  loinc,
  medication,
  observation,
  patient,
  recommendationOn,
  testAt as at,
} from '../patient.testkit';
import { patientFacts } from '../patient-facts';
import { drugWarnings } from '../safety/check';
import { paediatricSertralineDose } from './mental-health';

const topic = recommendationOn;
const drugs = (report: RecommendationReport, name: string) =>
  topic(report, name)?.options.map((o) => o.drugs.map((d) => `${d.drug} ${d.dose}`).join('+')) ??
  [];
const ageWarnings = (report: RecommendationReport, drug: string) =>
  report.medicationReview
    .filter((m) => m.drug === drug)
    .flatMap((m) => m.warnings.filter((w) => w.kind === 'age'))
    .map((w) => `${w.severity}: ${w.message}`);

describe('Function: anxietyFinding — under 18 (AACAP 2020)', () => {
  it('offers CBT and sertraline at the adolescent starting dose for a diagnosed anxiety disorder at 13', async () => {
    // Arrange
    const resources = [
      patient({ age: 13, sex: 'female' }),
      condition(icd.anxiety),
      observation(loinc.gad7, 13, '{score}', 3),
    ];
    // Act
    const report = await recommendFor({}, { resources, at });
    // Assess
    const anxiety = topic(report, 'anxiety')!;
    expect(anxiety.guideline.version).toBe('2020');
    expect(anxiety.guideline.citation).toMatch(/Walter et al.*2020;59\(10\):1107/);
    expect(anxiety.summary).toBe('anxiety disorder, GAD-7 13');
    expect(anxiety.options.map((o) => o.label)).toEqual([
      'Cognitive behavioural therapy (CBT)',
      'SSRI (sertraline)',
    ]);
    expect(drugs(report, 'anxiety')).toContain('sertraline 50 mg orally once daily');
    expect(anxiety.notes).toContain(
      'CBT and an SSRI together could be preferred over either alone (AACAP 2020 statement 3)',
    );
  });

  it('offers CBT and sertraline even when the GAD-7 is mild, since AACAP treats the diagnosis', async () => {
    const resources = [
      patient({ age: 15, sex: 'male' }),
      condition(icd.anxiety),
      observation(loinc.gad7, 7, '{score}', 3),
    ];
    const report = await recommendFor({}, { resources, at });
    expect(topic(report, 'anxiety')!.options.map((o) => o.label)).toEqual([
      'Cognitive behavioural therapy (CBT)',
      'SSRI (sertraline)',
    ]);
  });

  it('starts sertraline at 25 mg at 6-12 years and 50 mg at 13-17 (ZOLOFT paediatric dosing)', () => {
    expect([6, 12, 13, 17].map(paediatricSertralineDose)).toEqual([
      '25 mg orally once daily, titrated by 25 mg a week as tolerated',
      '25 mg orally once daily, titrated by 25 mg a week as tolerated',
      '50 mg orally once daily',
      '50 mg orally once daily',
    ]);
  });

  it('offers no SSRI under 6, where the evidence stops, and says so', async () => {
    const resources = [patient({ age: 5, sex: 'female' }), condition(icd.anxiety)];
    const anxiety = topic(await recommendFor({}, { resources, at }), 'anxiety')!;
    expect(anxiety.options.map((o) => o.label)).toEqual(['Cognitive behavioural therapy (CBT)']);
    expect(anxiety.notes).toContain(
      'under 6 years: the SSRI evidence covers 6-18 years (AACAP 2020)',
    );
  });

  it('asks for a diagnostic evaluation, not treatment, for a GAD-7 of 10 or more without a diagnosis', async () => {
    const high = await recommendFor(
      {},
      {
        resources: [patient({ age: 14, sex: 'female' }), observation(loinc.gad7, 12, '{score}', 3)],
        at,
      },
    );
    const anxiety = topic(high, 'anxiety')!;
    expect(anxiety.options.map((o) => o.label)).toEqual([
      'Diagnostic evaluation for an anxiety disorder',
    ]);
    expect(anxiety.summary).toMatch(/^GAD-7 12 with no anxiety disorder diagnosed/);
    const low = await recommendFor(
      {},
      {
        resources: [patient({ age: 14, sex: 'female' }), observation(loinc.gad7, 9, '{score}', 3)],
        at,
      },
    );
    expect(topic(low, 'anxiety')).toBeUndefined();
  });

  it('does not propose another SSRI to a child already on one', async () => {
    const resources = [
      patient({ age: 16, sex: 'female' }),
      condition(icd.anxiety),
      medication('sertraline 50 MG Oral Tablet'),
    ];
    const anxiety = topic(await recommendFor({}, { resources, at }), 'anxiety')!;
    expect(anxiety.options.map((o) => o.label)).toEqual(['Cognitive behavioural therapy (CBT)']);
    expect(anxiety.summary).toMatch(/on an SSRI or SNRI: review dose, adherence and response$/);
  });

  it('keeps the adult stepped care (NICE CG113) from 18', async () => {
    const resources = [
      patient({ age: 18, sex: 'female' }),
      condition(icd.anxiety),
      observation(loinc.gad7, 13, '{score}', 3),
    ];
    const anxiety = topic(await recommendFor({}, { resources, at }), 'anxiety')!;
    expect(anxiety.guideline.name).toBe('NICE CG113');
    expect(drugs(await recommendFor({}, { resources, at }), 'anxiety')).toContain(
      'sertraline 25-50 mg orally once daily',
    );
  });
});

describe('Function: depressionFinding — under 18 (NICE NG134; screens: GLAD-PC 2018, Richardson 2010)', () => {
  it('offers no antidepressant for mild depression at 15 (NG134 1.5)', async () => {
    const resources = [
      patient({ age: 15, sex: 'male' }),
      condition(icd.depression),
      observation(loinc.phq9, 7, '{score}', 3),
    ];
    const depression = topic(await recommendFor({}, { resources, at }), 'depression')!;
    expect(depression.guideline.name).toBe('NICE NG134');
    expect(depression.options.map((o) => o.kind)).toEqual(['non-drug']);
  });

  it('offers fluoxetine only beside psychological therapy for moderately severe depression at 15', async () => {
    const resources = [
      patient({ age: 15, sex: 'male' }),
      condition(icd.depression),
      observation(loinc.phq9, 16, '{score}', 3),
    ];
    const report = await recommendFor({}, { resources, at });
    const depression = topic(report, 'depression')!;
    expect(drugs(report, 'depression')).toEqual([
      '',
      'fluoxetine 10 mg orally once daily, up to 20 mg',
    ]);
    expect(depression.options[1]!.rationale).toMatch(/together with psychological therapy/);
    expect(depression.notes).toContain(
      'under 18: an antidepressant only after assessment by a child and adolescent psychiatrist, and only with concurrent psychological therapy (NG134 1.6)',
    );
  });

  it('asks for a diagnostic assessment, not treatment, for an adolescent PHQ-9 of 11 without a diagnosis', async () => {
    // Arrange: 11, the adolescent cut point for major depression (Richardson 2010)
    const resources = [
      patient({ age: 15, sex: 'female' }),
      observation(loinc.phq9, 11, '{score}', 3),
    ];
    // Act
    const depression = topic(await recommendFor({}, { resources, at }), 'depression')!;
    // Assess
    expect(depression.guideline.name).toBe('GLAD-PC');
    expect(depression.guideline.citation).toMatch(/Pediatrics 2018;141\(3\):e20174081.*Richardson/);
    expect(depression.summary).toBe(
      'PHQ-9 11 with no depression diagnosed: assess before treating',
    );
    expect(depression.options.map((o) => o.label)).toEqual([
      'Diagnostic assessment for depression',
    ]);
    expect(depression.notes).toContain(
      'PHQ-9 11 or more at 13-17 years: a positive screen for major depression (sensitivity 89.5%, specificity 77.5%; Richardson 2010)',
    );
  });

  it('finds nothing in an adolescent PHQ-9 of 10 without a diagnosis (below the adolescent cut point)', async () => {
    // Arrange: 10 would be "moderate" stepped care for an adult
    const resources = [
      patient({ age: 15, sex: 'female' }),
      observation(loinc.phq9, 10, '{score}', 3),
    ];
    // Act
    const report = await recommendFor({}, { resources, at });
    // Assess
    expect(topic(report, 'depression')).toBeUndefined();
  });

  it('under 13 asks for an assessment from 10, saying the PHQ-9 is not validated there', async () => {
    // Arrange
    const resources = [
      patient({ age: 12, sex: 'male' }),
      observation(loinc.phq9, 10, '{score}', 3),
    ];
    // Act
    const depression = topic(await recommendFor({}, { resources, at }), 'depression')!;
    // Assess
    expect(depression.options.map((o) => o.kind)).toEqual(['non-drug']);
    expect(depression.notes.join(' ')).toMatch(/not validated under 13 years/);
  });

  it('keeps the adult stepped care for an undiagnosed PHQ-9 of 10 at 18', async () => {
    // Arrange
    const resources = [
      patient({ age: 18, sex: 'female' }),
      observation(loinc.phq9, 10, '{score}', 3),
    ];
    // Act
    const depression = topic(await recommendFor({}, { resources, at }), 'depression')!;
    // Assess
    expect(depression.guideline.name).toBe('APA depression guideline / NICE CG90');
    expect(depression.summary).toBe('PHQ-9 10 (moderate)');
  });

  it('offers an adult a drug for mild depression as before (CG90, low benefit)', async () => {
    const resources = [
      patient({ age: 40, sex: 'male' }),
      condition(icd.depression),
      observation(loinc.phq9, 7, '{score}', 3),
    ];
    const depression = topic(await recommendFor({}, { resources, at }), 'depression')!;
    expect(depression.guideline.name).toBe('APA depression guideline / NICE CG90');
    expect(depression.options.filter((o) => o.kind === 'drug').length).toBe(2);
  });
});

describe('Function: drugWarnings — antidepressants by age', () => {
  const ageWarningsOf = (age: number, drug: string, ...conditions: string[]) =>
    drugWarnings(
      drug,
      patientFacts([patient({ age, sex: 'female' }), ...conditions.map((c) => condition(c))], at),
    )
      .filter((w) => w.kind === 'age')
      .map((w) => `${w.severity}: ${w.message}`);

  it('reviews a child who started sertraline for anxiety with the boxed warning, not "fluoxetine first"', async () => {
    const onSertraline = (authoredOn: string) => [
      patient({ age: 13, sex: 'female' }),
      condition(icd.anxiety),
      { ...medication('sertraline 50 MG Oral Tablet'), authoredOn },
    ];
    // Started 47 days before testAt (2025-06-01): within the boxed warning's first months.
    const recent = ageWarnings(
      await recommendFor({}, { resources: onSertraline('2025-04-15'), at }),
      'sertraline',
    );
    expect(recent).toHaveLength(1);
    expect(recent[0]).toMatch(
      /^moderate: boxed warning: suicidal thoughts and behaviours under 25/,
    );
    // A course of 151 days is established: not flagged again (90 days, boxedWarningDays).
    const established = await recommendFor({}, { resources: onSertraline('2025-01-01'), at });
    expect(ageWarnings(established, 'sertraline')).toEqual([]);
    const day90 = await recommendFor({}, { resources: onSertraline('2025-03-03'), at });
    expect(ageWarnings(day90, 'sertraline')).toHaveLength(1);
    // A new order beside the old one (a dose change): flagged again.
    const doseChange = [
      ...onSertraline('2025-01-01'),
      { ...medication('sertraline 100 MG Oral Tablet'), authoredOn: '2025-05-20' },
    ];
    const changed = await recommendFor({}, { resources: doseChange, at });
    expect(ageWarnings(changed, 'sertraline').length).toBeGreaterThan(0);
  });

  it('adds "fluoxetine first" for another antidepressant given for depression alone under 18', () => {
    const warnings = ageWarningsOf(15, 'sertraline', icd.depression);
    expect(warnings).toHaveLength(2);
    expect(warnings[1]).toMatch(/^caution: depression under 18: fluoxetine is the first-choice/);
    expect(ageWarningsOf(15, 'fluoxetine', icd.depression)).toHaveLength(1);
    expect(ageWarningsOf(15, 'sertraline', icd.depression, icd.anxiety)).toHaveLength(1);
    expect(ageWarningsOf(17, 'venlafaxine', icd.depression)).toHaveLength(2);
  });

  it('cautions at 18-24 years (the 2007 extension) and says nothing from 25', () => {
    const young = ageWarningsOf(22, 'escitalopram', icd.depression);
    expect(young).toHaveLength(1);
    expect(young[0]).toMatch(/^caution: boxed warning/);
    expect(ageWarningsOf(24, 'escitalopram')).toHaveLength(1);
    expect(ageWarningsOf(25, 'escitalopram', icd.depression)).toEqual([]);
    // On it for 151 days: an established course, no longer in its first months.
    const established = patientFacts(
      [
        patient({ age: 22, sex: 'female' }),
        condition(icd.depression),
        medication('escitalopram 10 MG Oral Tablet'),
      ],
      at,
    );
    expect(drugWarnings('escitalopram', established).filter((w) => w.kind === 'age')).toEqual([]);
  });
});

describe('Function: depressionFinding — PHQ-9 item 9 (thoughts of self-harm)', () => {
  /** Item 9 (LOINC 44260-8) answered 3 days before testAt with `value` (a FHIR value[x]). */
  const item9 = (value: Record<string, unknown>): Resource =>
    ({
      resourceType: 'Observation',
      id: 'item9',
      status: 'final',
      subject: { reference: 'Patient/p1' },
      code: { coding: [{ system: 'http://loinc.org', code: '44260-8' }] },
      effectiveDateTime: new Date(at.getTime() - 3 * 86_400_000).toISOString(),
      ...value,
    }) as Resource;
  const answer = (code: string) => ({
    valueCodeableConcept: { coding: [{ system: 'http://loinc.org', code }] },
  });
  const adult = (item: Resource) => [
    patient({ age: 40, sex: 'female' }),
    condition(icd.depression),
    observation(loinc.phq9, 12, '{score}', 3),
    item,
  ];
  const item9Notes = (notes: string[]) => notes.filter((n) => /item 9/.test(n));

  it('tells the clinician an unreadable answer code was recorded, and asks for a direct assessment', async () => {
    // Arrange: an answer code outside LOINC LL358-3 (not one of the four 0-3 answers)
    const resources = adult(item9(answer('LA9999-9')));
    // Act
    const report = await recommendFor({}, { resources, at });
    // Assess
    const depression = topic(report, 'depression')!;
    expect(item9Notes(depression.notes)).toEqual([
      'PHQ-9 item 9 (thoughts of self-harm) is recorded but cannot be read (answer LA9999-9 is not one of LA6568-5, LA6569-3, LA6570-1, LA6571-9; Observation/item9 2025-05-29 (3 d old)): it cannot be taken as negative; ask about thoughts of self-harm and assess suicide risk directly, the same day',
    ]);
    expect(depression.inputs.find((i) => i.name === 'PHQ-9 item 9')).toEqual({
      name: 'PHQ-9 item 9',
      value: null,
      source:
        'Observation/item9 2025-05-29 (3 d old): recorded but cannot be read (answer LA9999-9 is not one of LA6568-5, LA6569-3, LA6570-1, LA6571-9)',
    });
    expect(report.missing).toContain('PHQ-9 item 9');
  });

  it('says the same for a number outside 0-3, in an adolescent screen too', async () => {
    // Arrange: 15 years, no diagnosis, PHQ-9 11: the GLAD-PC screen finding
    const resources = [
      patient({ age: 15, sex: 'male' }),
      observation(loinc.phq9, 11, '{score}', 3),
      item9({ valueInteger: 4 }),
    ];
    // Act
    const depression = topic(await recommendFor({}, { resources, at }), 'depression')!;
    // Assess
    expect(depression.guideline.name).toBe('GLAD-PC');
    expect(item9Notes(depression.notes)).toHaveLength(1);
    expect(item9Notes(depression.notes)[0]).toMatch(
      /^PHQ-9 item 9 \(thoughts of self-harm\) is recorded but cannot be read \(value 4 is not a score from 0 to 3; .*assess suicide risk directly/,
    );
  });

  it('gives no self-harm note for a readable 0, and the same-day note for a positive answer', async () => {
    const negative = topic(
      await recommendFor({}, { resources: adult(item9(answer('LA6568-5'))), at }),
      'depression',
    )!;
    expect(item9Notes(negative.notes)).toEqual([]);
    expect(negative.inputs.find((i) => i.name === 'PHQ-9 item 9')).toMatchObject({ value: 0 });

    const zero = topic(
      await recommendFor({}, { resources: adult(item9({ valueInteger: 0 })), at }),
      'depression',
    )!;
    expect(item9Notes(zero.notes)).toEqual([]);

    const positive = topic(
      await recommendFor({}, { resources: adult(item9(answer('LA6569-3'))), at }),
      'depression',
    )!;
    expect(item9Notes(positive.notes)).toEqual([
      'PHQ-9 item 9 positive: assess suicide risk the same day',
    ]);
  });

  it('lists an item 9 never recorded as not recorded, with no note', async () => {
    const resources = [
      patient({ age: 40, sex: 'female' }),
      condition(icd.depression),
      observation(loinc.phq9, 12, '{score}', 3),
    ];
    const depression = topic(await recommendFor({}, { resources, at }), 'depression')!;
    expect(item9Notes(depression.notes)).toEqual([]);
    expect(depression.inputs.find((i) => i.name === 'PHQ-9 item 9')).toEqual({
      name: 'PHQ-9 item 9',
      value: null,
      source: 'not recorded',
    });
  });
});

describe('Function: depressionFinding — PHQ-9 item 9 without a depression recommendation', () => {
  /** Item 9 (LOINC 44260-8) answered `daysAgo` before testAt with `value` (a FHIR value[x]). */
  const item9 = (value: Record<string, unknown>, daysAgo = 3): Resource =>
    ({
      resourceType: 'Observation',
      id: 'item9',
      status: 'final',
      subject: { reference: 'Patient/p1' },
      code: { coding: [{ system: 'http://loinc.org', code: '44260-8' }] },
      effectiveDateTime: new Date(at.getTime() - daysAgo * 86_400_000).toISOString(),
      ...value,
    }) as Resource;
  /** 40 years, no depression diagnosed, PHQ-9 total 4 (minimal): no depression recommendation. */
  const lowTotal = (...more: Resource[]) => [
    patient({ age: 40, sex: 'female' }),
    observation(loinc.phq9, 4, '{score}', 3),
    ...more,
  ];
  const saying = (report: RecommendationReport, pattern: RegExp) =>
    report.recommendations.filter((r) =>
      [r.summary, ...r.notes, ...r.options.map((o) => o.label)].some((t) => pattern.test(t)),
    );
  const suicideRisk = /suicide risk/i;

  it('asks for a same-day suicide risk assessment for item 9 = 1 with a low total and no diagnosis', async () => {
    // Arrange
    const resources = lowTotal(item9({ valueInteger: 1 }));
    // Act
    const report = await recommendFor({}, { resources, at });
    // Assess
    expect(report.recommendations).toHaveLength(1);
    const risk = report.recommendations[0]!;
    expect(risk).toMatchObject({
      status: 'proposed',
      topic: 'depression',
      title: 'Suicide risk: PHQ-9 item 9 (thoughts of self-harm)',
      summary:
        'PHQ-9 item 9 answered 1 (of 3): assess suicide risk the same day, whatever the total',
      notes: ['PHQ-9 item 9 positive: assess suicide risk the same day'],
    });
    expect(risk.id).toMatch(/^rec-[0-9a-f]{16}$/);
    expect(risk.guideline.citation).toMatch(/Kroenke K.*J Gen Intern Med 2001;16\(9\):606/);
    expect(risk.guideline.citation).toMatch(/Pfizer.*item 9 positively.*whatever the total score/);
    expect(risk.options.map((o) => [o.label, o.kind, o.drugs])).toEqual([
      ['Same-day suicide risk assessment', 'non-drug', []],
    ]);
    expect(risk.options[0]!.source).toMatch(/PHQ-9 instruction manual/);
    expect(risk.inputs.map((i) => [i.name, i.value])).toEqual([
      ['PHQ-9 item 9', 1],
      ['PHQ-9', 4],
      ['depression', null],
    ]);
    // The same record gives the same id (identity.ts), a different answer another one.
    const again = await recommendFor({}, { resources, at });
    expect(again.recommendations[0]!.id).toBe(risk.id);
    const three = await recommendFor({}, { resources: lowTotal(item9({ valueInteger: 3 })), at });
    expect(three.recommendations[0]!.id).not.toBe(risk.id);
  });

  it('asks for nothing when item 9 is 0 and the total is low', async () => {
    const report = await recommendFor({}, { resources: lowTotal(item9({ valueInteger: 0 })), at });
    expect(report.recommendations).toEqual([]);
  });

  it('asks for nothing when item 9 is older than 14 days (the PHQ-9 asks about the last 2 weeks)', async () => {
    const resources = [patient({ age: 40, sex: 'female' }), item9({ valueInteger: 2 }, 15)];
    const report = await recommendFor({}, { resources, at });
    expect(report.recommendations).toEqual([]);
  });

  it('asks for the assessment when item 9 is recorded but unreadable, naming why', async () => {
    // Arrange: an answer code outside LOINC LL358-3
    const resources = lowTotal(
      item9({
        valueCodeableConcept: { coding: [{ system: 'http://loinc.org', code: 'LA9999-9' }] },
      }),
    );
    // Act
    const report = await recommendFor({}, { resources, at });
    // Assess
    expect(report.recommendations).toHaveLength(1);
    const risk = report.recommendations[0]!;
    expect(risk.title).toBe('Suicide risk: PHQ-9 item 9 (thoughts of self-harm)');
    expect(risk.summary).toBe(
      'PHQ-9 item 9 recorded but cannot be read (answer LA9999-9 is not one of LA6568-5, LA6569-3, LA6570-1, LA6571-9): assess suicide risk the same day',
    );
    expect(risk.notes).toEqual([
      'PHQ-9 item 9 (thoughts of self-harm) is recorded but cannot be read (answer LA9999-9 is not one of LA6568-5, LA6569-3, LA6570-1, LA6571-9; Observation/item9 2025-05-29 (3 d old)): it cannot be taken as negative; ask about thoughts of self-harm and assess suicide risk directly, the same day',
    ]);
    expect(risk.inputs[0]).toEqual({
      name: 'PHQ-9 item 9',
      value: null,
      source:
        'Observation/item9 2025-05-29 (3 d old): recorded but cannot be read (answer LA9999-9 is not one of LA6568-5, LA6569-3, LA6570-1, LA6571-9)',
    });
    expect(report.missing).toContain('PHQ-9 item 9');
  });

  it('asks for it with item 9 alone, no PHQ-9 total recorded', async () => {
    const resources = [patient({ age: 40, sex: 'male' }), item9({ valueInteger: 2 })];
    const report = await recommendFor({}, { resources, at });
    expect(saying(report, suicideRisk).map((r) => r.title)).toEqual([
      'Suicide risk: PHQ-9 item 9 (thoughts of self-harm)',
    ]);
    expect(report.recommendations[0]!.inputs.find((i) => i.name === 'PHQ-9')).toEqual({
      name: 'PHQ-9',
      value: null,
      source: 'not recorded',
    });
  });

  it('asks for it in an adolescent whose PHQ-9 is below the screen cut point', async () => {
    const resources = [
      patient({ age: 15, sex: 'female' }),
      observation(loinc.phq9, 6, '{score}', 3),
      item9({ valueInteger: 1 }),
    ];
    const report = await recommendFor({}, { resources, at });
    expect(saying(report, suicideRisk).map((r) => r.title)).toEqual([
      'Suicide risk: PHQ-9 item 9 (thoughts of self-harm)',
    ]);
  });

  it('makes no second recommendation when the depression one already carries the note', async () => {
    // Arrange: depression diagnosed, PHQ-9 12 (moderate), item 9 = 2
    const resources = [
      patient({ age: 40, sex: 'female' }),
      condition(icd.depression),
      observation(loinc.phq9, 12, '{score}', 3),
      item9({ valueInteger: 2 }),
    ];
    // Act
    const report = await recommendFor({}, { resources, at });
    // Assess
    const said = saying(report, suicideRisk);
    expect(said.map((r) => r.title)).toEqual(['Depression stepped care']);
    expect(said[0]!.notes.filter((n) => suicideRisk.test(n))).toEqual([
      'PHQ-9 item 9 positive: assess suicide risk the same day',
    ]);
    expect(said[0]!.inputs.filter((i) => i.name === 'PHQ-9 item 9')).toHaveLength(1);
  });

  it('adds the note to the "repeat the PHQ-9" recommendation when the total is stale', async () => {
    // Arrange: the total is 20 days old, item 9 (answered separately) 3 days old
    const resources = [
      patient({ age: 40, sex: 'female' }),
      condition(icd.depression),
      observation(loinc.phq9, 12, '{score}', 20),
      item9({ valueInteger: 1 }),
    ];
    // Act
    const report = await recommendFor({}, { resources, at });
    // Assess
    const said = saying(report, suicideRisk);
    expect(said.map((r) => r.title)).toEqual(['Depression: current severity unknown']);
    expect(said[0]!.notes).toEqual(['PHQ-9 item 9 positive: assess suicide risk the same day']);
    expect(said[0]!.inputs.find((i) => i.name === 'PHQ-9 item 9')).toMatchObject({ value: 1 });
  });
});
