// Domain (recommend/guidelines): stepped care for depression and generalised anxiety by PHQ-9 and
// GAD-7 severity (scores computed by the risk module). Depression: APA Clinical Practice Guideline for
// the Treatment of Depression Across Three Age Cohorts (2019) and NICE CG90 (2009) stepped care;
// anxiety: NICE CG113 (2011, updated 2019) stepped care. Under 18, the paediatric guidelines instead:
// depression NICE NG134 (2019), anxiety disorders AACAP 2020 (Walter et al.). A positive or unreadable
// PHQ-9 item 9 asks for a same-day suicide risk assessment whatever the total (Kroenke 2001; PHQ-9
// instruction manual), on its own when no depression recommendation is made.
import type { Candidate, GuidelineFinding, InputUsed } from '../model';
import { isChild, type PatientFacts } from '../patient-facts';
import { inClass } from '../drugs';
import { drugOption, input, nonDrugOption } from './common';
import { adolescentAges, adolescentMajorDepressionCutPoint } from '../../risk/phq9';

const apa2019 = 'APA Clinical Practice Guideline for the Treatment of Depression (2019)';
const cg90 = 'NICE CG90 Depression in adults (2009), stepped care';
const cg113 =
  'NICE CG113 Generalised anxiety disorder and panic disorder in adults (2011, 2019 update), stepped care';
const ng134 = 'NICE NG134 Depression in children and young people (2019)';
const gladPc =
  'Guidelines for Adolescent Depression in Primary Care (GLAD-PC) Part I (Zuckerbrot RA et al., Pediatrics 2018;141(3):e20174081)';
const richardson2010 =
  'Richardson LP et al. Evaluation of the PHQ-9 for detecting major depression among adolescents. Pediatrics 2010;126:1117-1123';
const aacap2020 =
  'AACAP Clinical Practice Guideline for the Assessment and Treatment of Children and Adolescents With Anxiety Disorders (Walter et al., J Am Acad Child Adolesc Psychiatry 2020;59(10):1107-1124)';
const kroenke2001 =
  'Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression severity measure. J Gen Intern Med 2001;16(9):606-613';
const phq9Manual =
  'Pfizer. Instructions for Patient Health Questionnaire (PHQ) and GAD-7 measures (PHQ-9 instruction manual): a patient who answers item 9 positively needs further assessment of suicide risk, whatever the total score';

/**
 * A PHQ-9 or GAD-7 older than 14 days (both ask about the last 2 weeks; risk/fhir/provide.ts
 * maxAgeDays.questionnaire) says nothing about now: treated as absent. When it would have mattered
 * (a diagnosis on record, or the old score at or above the cut point), the finding asks for a new one
 * instead of grading severity or proposing a drug from it.
 */
function staleQuestionnaireFinding(
  facts: PatientFacts,
  topic: 'depression' | 'anxiety',
  name: 'PHQ-9' | 'GAD-7',
  score: NonNullable<PatientFacts['scores']['phq9']>,
  diagnosis: PatientFacts['conditions']['depression'],
  cutPoint: number,
): GuidelineFinding | undefined {
  if (!diagnosis && score.value < cutPoint) return undefined;
  const source =
    name === 'PHQ-9'
      ? 'Kroenke K et al. J Gen Intern Med 2001;16:606 (PHQ-9: symptoms over the last 2 weeks)'
      : 'Spitzer RL et al. Arch Intern Med 2006;166:1092 (GAD-7: symptoms over the last 2 weeks)';
  return {
    topic,
    title:
      topic === 'depression'
        ? 'Depression: current severity unknown'
        : 'Anxiety: current severity unknown',
    guideline: { name, version: topic === 'depression' ? '2001' : '2006', citation: source },
    summary: `${name} ${score.value} is older than 14 days (it asks about the last 2 weeks): repeat it before grading severity or choosing treatment`,
    candidates: [
      nonDrugOption(`Repeat the ${name}`, {
        rationale: `the ${name} asks about the last 2 weeks: an older score is not the current severity`,
        strength: 'strong',
        evidence: 'C-EO',
        benefit: 0.8,
        source,
      }),
    ],
    inputs: [
      input(name, { value: score.value, source: `${score.source} (stale: not used)` }),
      input(topic, diagnosis),
    ],
    notes: [],
  };
}

/** PHQ-9 band (Kroenke 2001): 5-9 mild, 10-14 moderate, 15-19 moderately severe, >= 20 severe. */
export function phq9Step(
  total: number,
): 'none' | 'mild' | 'moderate' | 'moderately severe' | 'severe' {
  if (total >= 20) return 'severe';
  if (total >= 15) return 'moderately severe';
  if (total >= 10) return 'moderate';
  if (total >= 5) return 'mild';
  return 'none';
}

function ssriOptions(facts: PatientFacts, benefit: number, source: string): Candidate[] {
  const child = isChild(facts);
  // NICE NG134 section 1.6: fluoxetine is the first antidepressant for 5-18 year olds, and only ever
  // alongside psychological therapy; the guideline covers 5-18 years.
  if (child && (facts.age?.value ?? 0) < 5) return [];
  const drugs = child
    ? [{ drug: 'fluoxetine', dose: '10 mg orally once daily, up to 20 mg' }]
    : [
        { drug: 'sertraline', dose: '50 mg orally once daily' },
        { drug: 'escitalopram', dose: '10 mg orally once daily' },
      ];
  return drugs.map((d, i) =>
    drugOption(`SSRI (${d.drug})`, [d], {
      rationale: child
        ? 'fluoxetine, together with psychological therapy and never alone: the first-choice antidepressant under 18 (NICE NG134 1.6)'
        : 'second-generation antidepressant as effective as psychotherapy for moderate depression (APA 2019)',
      strength: 'strong',
      evidence: child ? 'B-R' : 'A',
      benefit: benefit - i * 0.02,
      source,
    }),
  );
}

type Item9 = PatientFacts['scores']['phq9Item9'];

/**
 * Item 9 as a listed input: an answer recorded but unreadable has no value (the report lists it as
 * missing) and its source says where it is and why it cannot be read, never "not recorded".
 */
function item9Input(item9: Item9): InputUsed {
  if (item9 && 'unreadable' in item9)
    return {
      name: 'PHQ-9 item 9',
      value: null,
      source: `${item9.source}: recorded but cannot be read (${item9.unreadable})`,
    };
  return input('PHQ-9 item 9', item9);
}

/** The inputs every depression finding shows: the PHQ-9, its item 9 and the diagnosis. */
function depressionInputs(facts: PatientFacts, phq9: NonNullable<PatientFacts['scores']['phq9']>) {
  return [
    input('PHQ-9', { value: phq9.value, source: phq9.source }),
    item9Input(facts.scores.phq9Item9),
    input('depression', facts.conditions.depression),
  ];
}

/**
 * Item 9 (thoughts of self-harm) positive: a same-day risk assessment, whatever the total (Kroenke
 * 2001; NICE CG90, as risk/phq9.ts). Recorded but unreadable (patient-labs.ts phq9Item9): the answer
 * may be positive, so it cannot be taken as negative, and the note asks for the same assessment.
 */
function selfHarmNote(item9: Item9): string {
  if (!item9) return '';
  if ('unreadable' in item9)
    return `PHQ-9 item 9 (thoughts of self-harm) is recorded but cannot be read (${item9.unreadable}; ${item9.source}): it cannot be taken as negative; ask about thoughts of self-harm and assess suicide risk directly, the same day`;
  return item9.value > 0 ? 'PHQ-9 item 9 positive: assess suicide risk the same day' : '';
}

/**
 * A child's or adolescent's PHQ-9 without a depression diagnosis is a screen, not a grade of
 * severity: a positive one asks for a diagnostic assessment (GLAD-PC Part I: depression scales,
 * patient and caregiver interviews, DSM-5 criteria), never for treatment. Positive: 11 or more at
 * 13-17 years (Richardson 2010, the adolescent cut point); under 13 the PHQ-9 is not validated, so
 * a score of 10 or more (the adult cut point, Kroenke 2001) prompts the assessment and says so.
 */
function childDepressionScreenFinding(facts: PatientFacts): GuidelineFinding | undefined {
  const phq9 = facts.scores.phq9;
  if (!phq9) return undefined;
  const adolescent = (facts.age?.value ?? 0) >= adolescentAges.from;
  const cutPoint = adolescent ? adolescentMajorDepressionCutPoint : 10;
  if (phq9.stale.length)
    return staleQuestionnaireFinding(facts, 'depression', 'PHQ-9', phq9, undefined, cutPoint);
  if (phq9.value < cutPoint) return undefined;
  const item9 = facts.scores.phq9Item9;
  return {
    topic: 'depression',
    title: 'Depression screen in a child or adolescent',
    guideline: { name: 'GLAD-PC', version: '2018', citation: `${gladPc}; ${richardson2010}` },
    summary: `PHQ-9 ${phq9.value} with no depression diagnosed: assess before treating`,
    candidates: [
      nonDrugOption('Diagnostic assessment for depression', {
        rationale:
          'a positive screen is not a diagnosis: assess with a depression scale, interviews of the young person and caregivers, and DSM-5 criteria (GLAD-PC Part I)',
        strength: 'strong',
        evidence: 'C-EO',
        benefit: 0.8,
        source: gladPc,
      }),
    ],
    inputs: depressionInputs(facts, phq9),
    notes: [
      selfHarmNote(item9),
      adolescent
        ? `PHQ-9 ${adolescentMajorDepressionCutPoint} or more at 13-17 years: a positive screen for major depression (sensitivity 89.5%, specificity 77.5%; Richardson 2010)`
        : 'PHQ-9 is not validated under 13 years (Richardson 2010 validated it at 13-17): the score prompts an assessment, it does not grade severity',
    ].filter(Boolean),
  };
}

/**
 * Item 9 positive (1-3) or unreadable when no depression recommendation is made (a low total with no
 * diagnosis, a child below the screen's cut point, no PHQ-9 total at all): the same-day suicide risk
 * assessment stands alone, since any positive answer to item 9 warrants it irrespective of the total
 * (Kroenke 2001; PHQ-9 instruction manual). Otherwise the warning would be shown nowhere.
 */
function suicideRiskFinding(
  facts: PatientFacts,
  item9: NonNullable<Item9>,
  note: string,
): GuidelineFinding {
  const phq9 = facts.scores.phq9;
  return {
    topic: 'depression',
    title: 'Suicide risk: PHQ-9 item 9 (thoughts of self-harm)',
    guideline: { name: 'PHQ-9 item 9', version: '2001', citation: `${kroenke2001}; ${phq9Manual}` },
    summary:
      'unreadable' in item9
        ? `PHQ-9 item 9 recorded but cannot be read (${item9.unreadable}): assess suicide risk the same day`
        : `PHQ-9 item 9 answered ${item9.value} (of 3): assess suicide risk the same day, whatever the total`,
    candidates: [
      nonDrugOption('Same-day suicide risk assessment', {
        rationale:
          'any positive answer to item 9 warrants further assessment of suicide risk by a clinician competent to assess it, irrespective of the PHQ-9 total (PHQ-9 instruction manual; Kroenke 2001)',
        strength: 'strong',
        evidence: 'C-EO',
        benefit: 0.9,
        source: phq9Manual,
      }),
    ],
    inputs: [
      item9Input(item9),
      input(
        'PHQ-9',
        phq9 && {
          value: phq9.value,
          source: phq9.stale.length ? `${phq9.source} (stale: not used)` : phq9.source,
        },
      ),
      input('depression', facts.conditions.depression),
    ],
    notes: [note],
  };
}

/**
 * The depression recommendation, or the suicide risk one when item 9 needs an assessment and no
 * depression recommendation is made: never both, so the same-day warning is said once and always.
 * A stale PHQ-9's "repeat it" finding does not carry the note: it gets it, with item 9 as an input.
 */
export function depressionFinding(facts: PatientFacts): GuidelineFinding | undefined {
  const finding = depressionCareFinding(facts);
  const item9 = facts.scores.phq9Item9;
  const note = selfHarmNote(item9);
  if (!item9 || !note || finding?.notes.includes(note)) return finding;
  if (!finding) return suicideRiskFinding(facts, item9, note);
  return {
    ...finding,
    inputs: [...finding.inputs, item9Input(item9)],
    notes: [note, ...finding.notes],
  };
}

function depressionCareFinding(facts: PatientFacts): GuidelineFinding | undefined {
  const phq9 = facts.scores.phq9;
  if (isChild(facts) && !facts.conditions.depression) return childDepressionScreenFinding(facts);
  if (phq9?.stale.length)
    return staleQuestionnaireFinding(
      facts,
      'depression',
      'PHQ-9',
      phq9,
      facts.conditions.depression,
      10,
    );
  if (!phq9 || (!facts.conditions.depression && phq9.value < 10)) return undefined;
  const step = phq9Step(phq9.value);
  if (step === 'none') return undefined;
  const onAntidepressant = facts.medications.some((m) =>
    m.ingredients.some((d) => inClass(d, 'ssri') || inClass(d, 'snri')),
  );
  const mild = step === 'mild';
  const child = isChild(facts);
  const candidates: Candidate[] = [
    nonDrugOption(
      mild
        ? 'Guided self-help / low-intensity psychosocial intervention'
        : 'Psychotherapy (CBT or interpersonal therapy)',
      {
        rationale: child
          ? mild
            ? 'mild depression under 18: digital or group CBT, group IPT or non-directive supportive therapy first (NG134 1.5)'
            : 'moderate or severe depression under 18: individual CBT, IPT-A or family therapy first (NG134 1.6)'
          : mild
            ? 'mild depression: low-intensity interventions first (CG90 step 2)'
            : 'psychotherapy as effective as antidepressants (APA 2019)',
        strength: 'strong',
        evidence: 'A',
        benefit: mild ? 0.8 : 0.75,
        source: child ? ng134 : mild ? cg90 : apa2019,
      },
    ),
    // NICE NG134 section 1.5: no antidepressant in the initial treatment of mild depression under 18.
    ...(onAntidepressant || (child && mild)
      ? []
      : ssriOptions(
          facts,
          mild ? 0.3 : step === 'moderate' ? 0.75 : 0.85,
          child ? ng134 : mild ? cg90 : apa2019,
        )),
  ];
  const item9 = facts.scores.phq9Item9;
  return {
    topic: 'depression',
    title: 'Depression stepped care',
    guideline: child
      ? { name: 'NICE NG134', version: '2019', citation: ng134 }
      : {
          name: 'APA depression guideline / NICE CG90',
          version: '2019 / 2009',
          citation: `${apa2019}; ${cg90}`,
        },
    summary: `PHQ-9 ${phq9.value} (${step})${onAntidepressant ? ' on an antidepressant: review dose, adherence and response' : ''}`,
    candidates,
    inputs: depressionInputs(facts, phq9),
    notes: [
      selfHarmNote(item9),
      child && !mild
        ? 'under 18: an antidepressant only after assessment by a child and adolescent psychiatrist, and only with concurrent psychological therapy (NG134 1.6)'
        : '',
      !child && (step === 'severe' || step === 'moderately severe')
        ? 'moderately severe or severe: combine antidepressant and psychotherapy; consider specialist referral (CG90 step 3-4)'
        : '',
    ].filter(Boolean),
  };
}

export function anxietyFinding(facts: PatientFacts): GuidelineFinding | undefined {
  if (isChild(facts)) return childAnxietyFinding(facts);
  const gad7 = facts.scores.gad7;
  if (gad7?.stale.length)
    return staleQuestionnaireFinding(facts, 'anxiety', 'GAD-7', gad7, facts.conditions.anxiety, 10);
  if (!gad7 || (!facts.conditions.anxiety && gad7.value < 10)) return undefined;
  if (gad7.value < 5) return undefined;
  const mild = gad7.value < 10;
  const onSsri = facts.medications.some((m) =>
    m.ingredients.some((d) => inClass(d, 'ssri') || inClass(d, 'snri')),
  );
  return {
    topic: 'anxiety',
    title: 'Generalised anxiety stepped care',
    guideline: { name: 'NICE CG113', version: '2011 (2019 update)', citation: cg113 },
    summary: `GAD-7 ${gad7.value} (${gad7.category ?? (mild ? 'mild' : 'moderate or worse')})`,
    candidates: [
      nonDrugOption(
        mild
          ? 'Psychoeducation and active monitoring; guided self-help'
          : 'High-intensity psychological intervention (CBT or applied relaxation)',
        {
          rationale: mild
            ? 'CG113 steps 1-2'
            : 'marked symptoms: CBT or applied relaxation, or drug treatment (CG113 step 3, 1.2.18)',
          strength: 'strong',
          evidence: 'A',
          benefit: mild ? 0.8 : 0.8,
          source: cg113,
        },
      ),
      ...(onSsri || mild
        ? []
        : [
            drugOption(
              'SSRI (sertraline)',
              [{ drug: 'sertraline', dose: '25-50 mg orally once daily' }],
              {
                rationale: 'offer sertraline first: most cost-effective drug (CG113 1.2.23)',
                strength: 'strong',
                evidence: 'A',
                benefit: 0.75,
                source: cg113,
              },
            ),
          ]),
    ],
    inputs: [
      input('GAD-7', { value: gad7.value, source: gad7.source }),
      input('anxiety', facts.conditions.anxiety),
    ],
    notes: [],
  };
}

/**
 * Sertraline's starting dose under 18: 25 mg once daily at 6-12 years, 50 mg at 13-17 (ZOLOFT US
 * prescribing information, paediatric OCD dosing; the CAMS trial of sertraline in anxiety disorders
 * at 7-17 years started at 25 mg, Walkup et al., N Engl J Med 2008;359:2753).
 */
export function paediatricSertralineDose(ageYears: number): string {
  return ageYears <= 12
    ? '25 mg orally once daily, titrated by 25 mg a week as tolerated'
    : '50 mg orally once daily';
}

/**
 * Anxiety disorders under 18 (AACAP 2020): the guideline treats a diagnosed social anxiety,
 * generalised anxiety, separation anxiety, specific phobia or panic disorder at 6-18 years with CBT
 * (statement 1) and SSRIs (statement 2), and suggests their combination over either alone (statement 3).
 * It does not step treatment by GAD-7, a scale derived in adults (Spitzer 2006): a GAD-7 of 10 or more
 * without a diagnosis asks for the diagnostic evaluation, "an essential prerequisite" of treatment.
 */
function childAnxietyFinding(facts: PatientFacts): GuidelineFinding | undefined {
  const gad7 = facts.scores.gad7;
  const diagnosed = facts.conditions.anxiety;
  // A diagnosed disorder is treated by AACAP 2020 without the GAD-7; undiagnosed, an old one asks
  // for a new screen, not for an evaluation.
  if (gad7?.stale.length && !diagnosed)
    return staleQuestionnaireFinding(facts, 'anxiety', 'GAD-7', gad7, undefined, 10);
  const current = gad7?.stale.length ? undefined : gad7;
  if (!diagnosed && !(current && current.value >= 10)) return undefined;
  const age = facts.age?.value ?? 0;
  const onSsri = facts.medications.some((m) =>
    m.ingredients.some((d) => inClass(d, 'ssri') || inClass(d, 'snri')),
  );
  const guideline = {
    name: 'AACAP anxiety disorders guideline',
    version: '2020',
    citation: aacap2020,
  };
  const inputs = [
    input('GAD-7', current ? { value: current.value, source: current.source } : undefined),
    input('anxiety', diagnosed),
  ];
  if (!diagnosed)
    return {
      topic: 'anxiety',
      title: 'Anxiety in a child or adolescent',
      guideline,
      summary: `GAD-7 ${current!.value} with no anxiety disorder diagnosed: assess before treating`,
      candidates: [
        nonDrugOption('Diagnostic evaluation for an anxiety disorder', {
          rationale:
            'diagnostic evaluation is an essential prerequisite for treatment (AACAP 2020)',
          strength: 'strong',
          evidence: 'C-EO',
          benefit: 0.8,
          source: aacap2020,
        }),
      ],
      inputs,
      notes: [],
    };
  return {
    topic: 'anxiety',
    title: 'Anxiety disorder in a child or adolescent',
    guideline,
    summary: `anxiety disorder${current ? `, GAD-7 ${current.value}` : ''}${onSsri ? ' on an SSRI or SNRI: review dose, adherence and response' : ''}`,
    candidates: [
      nonDrugOption('Cognitive behavioural therapy (CBT)', {
        rationale: 'CBT for anxiety disorders at 6-18 years (AACAP 2020 statement 1)',
        strength: 'strong',
        evidence: 'A',
        benefit: 0.8,
        source: aacap2020,
      }),
      ...(onSsri || age < 6
        ? []
        : [
            drugOption(
              'SSRI (sertraline)',
              [{ drug: 'sertraline', dose: paediatricSertralineDose(age) }],
              {
                rationale: 'SSRIs for anxiety disorders at 6-18 years (AACAP 2020 statement 2)',
                strength: 'strong',
                evidence: 'A',
                benefit: 0.75,
                source: aacap2020,
              },
            ),
          ]),
    ],
    inputs,
    notes: [
      'CBT and an SSRI together could be preferred over either alone (AACAP 2020 statement 3)',
      age < 6 ? 'under 6 years: the SSRI evidence covers 6-18 years (AACAP 2020)' : '',
    ].filter(Boolean),
  };
}
