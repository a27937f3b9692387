// Domain (recommend/guidelines): stepped care for depression and generalised anxiety by PHQ-9 and
// GAD-7 severity (scores computed by the risk module). Depression: APA Clinical Practice Guideline for
// the Treatment of Depression Across Three Age Cohorts (2019) and NICE CG90 (2009) stepped care;
// anxiety: NICE CG113 (2011, updated 2019) stepped care. Children: NICE NG134 (2019).
import type { Candidate, GuidelineFinding } from '../model';
import type { PatientFacts } from '../patient-facts';
import { inClass } from '../drugs';
import { drugOption, input, nonDrugOption } from './common';

const apa2019 = 'APA Clinical Practice Guideline for the Treatment of Depression (2019)';
const cg90 = 'NICE CG90 Depression in adults (2009), stepped care';
const cg113 =
  'NICE CG113 Generalised anxiety disorder and panic disorder in adults (2011, 2019 update), stepped care';

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
  const child = (facts.age?.value ?? 18) < 18;
  // NICE NG134 1.6.5: fluoxetine is the first antidepressant for 5-18 year olds.
  const drugs = child
    ? [{ drug: 'fluoxetine', dose: '10 mg orally once daily, up to 20 mg' }]
    : [
        { drug: 'sertraline', dose: '50 mg orally once daily' },
        { drug: 'escitalopram', dose: '10 mg orally once daily' },
      ];
  return drugs.map((d, i) =>
    drugOption(`SSRI (${d.drug})`, [d], {
      rationale: child
        ? 'fluoxetine is the first-choice antidepressant under 18 (NICE NG134 1.6)'
        : 'second-generation antidepressant as effective as psychotherapy for moderate depression (APA 2019)',
      strength: 'strong',
      evidence: child ? 'B-R' : 'A',
      benefit: benefit - i * 0.02,
      source,
    }),
  );
}

export function depressionFinding(facts: PatientFacts): GuidelineFinding | undefined {
  const phq9 = facts.scores.phq9;
  if (!phq9 || (!facts.conditions.depression && phq9.value < 10)) return undefined;
  const step = phq9Step(phq9.value);
  if (step === 'none') return undefined;
  const onAntidepressant = facts.medications.some((m) =>
    m.ingredients.some((d) => inClass(d, 'ssri') || inClass(d, 'snri')),
  );
  const mild = step === 'mild';
  const candidates: Candidate[] = [
    nonDrugOption(
      mild
        ? 'Guided self-help / low-intensity psychosocial intervention'
        : 'Psychotherapy (CBT or interpersonal therapy)',
      {
        rationale: mild
          ? 'mild depression: low-intensity interventions first (CG90 step 2)'
          : 'psychotherapy as effective as antidepressants (APA 2019)',
        strength: 'strong',
        evidence: 'A',
        benefit: mild ? 0.8 : 0.75,
        source: mild ? cg90 : apa2019,
      },
    ),
    ...(onAntidepressant
      ? []
      : ssriOptions(facts, mild ? 0.3 : step === 'moderate' ? 0.75 : 0.85, mild ? cg90 : apa2019)),
  ];
  const item9 = facts.scores.phq9Item9;
  return {
    topic: 'depression',
    title: 'Depression stepped care',
    guideline: {
      name: 'APA depression guideline / NICE CG90',
      version: '2019 / 2009',
      citation: `${apa2019}; ${cg90}`,
    },
    summary: `PHQ-9 ${phq9.value} (${step})${onAntidepressant ? ' on an antidepressant: review dose, adherence and response' : ''}`,
    candidates,
    inputs: [
      input('PHQ-9', { value: phq9.value, source: phq9.source }),
      input('PHQ-9 item 9', item9),
      input('depression', facts.conditions.depression),
    ],
    notes: [
      item9 && item9.value > 0 ? 'PHQ-9 item 9 positive: assess suicide risk the same day' : '',
      step === 'severe' || step === 'moderately severe'
        ? 'moderately severe or severe: combine antidepressant and psychotherapy; consider specialist referral (CG90 step 3-4)'
        : '',
    ].filter(Boolean),
  };
}

export function anxietyFinding(facts: PatientFacts): GuidelineFinding | undefined {
  const gad7 = facts.scores.gad7;
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
