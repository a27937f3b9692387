// Domain (recommend/safety): age limits — potentially inappropriate medicines for adults >= 65 (AGS
// Beers Criteria 2023, J Am Geriatr Soc 2023;71:2052, Table 2 unless stated) and paediatric minimum
// ages from the product labels and national formularies cited beside each rule.
import { inClass } from '../drugs';
import type { SafetyWarning, WarningSeverity } from '../model';
import { daysSince, takes, type PatientFacts } from '../patient-facts';
import { paediatricDoses } from '../guidelines/paediatric-dosing';

interface AgeRule {
  drugs?: readonly string[];
  classes?: readonly string[];
  /** Drugs of `classes` the rule does not apply to. */
  exceptDrugs?: readonly string[];
  /**
   * The rule is about starting the drug: not raised for a course of it that began more than this many
   * days ago (a start date that is not a full date counts from its latest day).
   */
  startingDays?: number;
  /** A condition of the patient the rule also needs, and how the warning's evidence names it. */
  when?: { holds: (facts: PatientFacts) => boolean; evidence: (facts: PatientFacts) => string };
  /** Applies at or above this age (years); for Beers rules 65. */
  fromYears?: number;
  /** Applies below this age, in months. */
  belowMonths?: number;
  severity: WarningSeverity;
  message: string;
  source: string;
}

const beers = 'AGS Beers Criteria 2023 (J Am Geriatr Soc 2023;71:2052), Table 2';
/**
 * The boxed warning asks for close monitoring "especially during the initial few months" of a course
 * (and at dose changes): read here as the first 90 days, after which an established course is not
 * flagged again in the medication review (until 2026-12 every child on a years-old SSRI was).
 */
export const boxedWarningDays = 90;
const antidepressantBoxedWarning =
  'FDA class boxed warning for antidepressants, suicidality in children and adolescents (2004), extended to young adults 18-24 (2007)';

export const ageRules: readonly AgeRule[] = [
  {
    drugs: ['glyburide', 'glimepiride'],
    fromYears: 65,
    severity: 'major',
    message:
      'long-acting sulfonylurea: prolonged hypoglycaemia; avoid (glipizide if a sulfonylurea is needed)',
    source: beers,
  },
  {
    classes: ['nsaid'],
    fromYears: 65,
    severity: 'moderate',
    message: 'avoid chronic NSAID use unless alternatives fail and with gastroprotection',
    source: beers,
  },
  {
    drugs: ['warfarin'],
    fromYears: 65,
    severity: 'moderate',
    message:
      'avoid starting warfarin for AF/VTE unless DOACs are contraindicated (higher bleeding risk)',
    source: beers,
  },
  {
    drugs: ['rivaroxaban'],
    fromYears: 65,
    severity: 'moderate',
    message: 'avoid rivaroxaban for long-term AF/VTE in favour of safer anticoagulants (apixaban)',
    source: beers,
  },
  {
    drugs: ['dabigatran'],
    fromYears: 65,
    severity: 'caution',
    message: 'dabigatran: more GI bleeding than warfarin or apixaban at >= 75; use with caution',
    source: beers,
  },
  {
    drugs: ['prasugrel'],
    fromYears: 75,
    severity: 'major',
    message:
      'prasugrel is not recommended at >= 75 years (fatal and intracranial bleeding) except high-risk cases',
    source: 'Effient US prescribing information 2021, section 5.1; ' + beers,
  },
  {
    drugs: ['paroxetine'],
    fromYears: 65,
    severity: 'major',
    message: 'strongly anticholinergic antidepressant; avoid',
    source: beers,
  },
  {
    drugs: ['aspirin'],
    fromYears: 70,
    severity: 'caution',
    message:
      'avoid aspirin for primary prevention (bleeding outweighs benefit); fine for secondary prevention',
    source: beers,
  },
  {
    classes: ['proton_pump_inhibitor'],
    fromYears: 65,
    severity: 'caution',
    message: 'avoid scheduled PPI use beyond 8 weeks without a clear indication',
    source: beers,
  },
  // Paediatric limits.
  {
    drugs: ['aspirin'],
    belowMonths: 16 * 12,
    severity: 'contraindicated',
    message:
      'aspirin under 16 years: Reye syndrome (except specialist indications such as Kawasaki disease)',
    source: 'BNF for Children 2024-25, aspirin; MHRA 2002',
  },
  {
    drugs: ['ibuprofen'],
    belowMonths: 6,
    severity: 'contraindicated',
    message: 'ibuprofen is not recommended under 6 months for fever and pain in primary care',
    source:
      'BNF for Children 2024-25, ibuprofen; Sullivan JE, Farrar HC. Pediatrics 2011;127:580 (AAP)',
  },
  {
    drugs: ['codeine', 'tramadol'],
    belowMonths: 12 * 12,
    severity: 'contraindicated',
    message:
      'codeine and tramadol are contraindicated under 12 years (respiratory depression in ultrarapid CYP2D6 metabolisers)',
    source: 'FDA Drug Safety Communication 2017-04-20',
  },
  {
    classes: ['tetracycline'],
    belowMonths: 8 * 12,
    severity: 'contraindicated',
    message:
      'tetracyclines under 8 years stain teeth (short doxycycline courses excepted by specialists)',
    source: 'AAP Red Book 2024; BNF for Children 2024-25',
  },
  {
    classes: ['fluoroquinolone'],
    belowMonths: 18 * 12,
    severity: 'major',
    message:
      'fluoroquinolones in children only when no safer alternative (musculoskeletal toxicity)',
    source: 'AAP Clinical Report, Jackson MA et al. Pediatrics 2016;138:e20162706',
  },
  {
    drugs: ['metformin'],
    belowMonths: 10 * 12,
    severity: 'contraindicated',
    message: 'metformin is not approved under 10 years',
    source: 'Glucophage US prescribing information 2018, section 8.4',
  },
  {
    classes: ['statin'],
    belowMonths: 8 * 12,
    severity: 'major',
    message: 'statins are not approved under 8 years (pravastatin from 8, others from 10)',
    source: '2018 AHA/ACC cholesterol guideline, section 4.4.5; US prescribing information',
  },
  {
    drugs: ['cefdinir', 'azithromycin'],
    belowMonths: 6,
    severity: 'major',
    message: 'not studied for otitis media under 6 months',
    source: 'Omnicef and Zithromax US prescribing information, section 8.4',
  },
  {
    drugs: ['formoterol'],
    belowMonths: 6 * 12,
    severity: 'major',
    message: 'ICS-formoterol reliever is not recommended under 6 years',
    source: 'GINA 2024 report, Box 4-12 (children 6-11) and Box 6-5 (5 years and younger)',
  },
  // The class boxed warning of every antidepressant: in short-term trials, more suicidal thinking and
  // behaviour than placebo in children and adolescents (2004), and in young adults 18-24 (2007).
  {
    classes: ['antidepressant'],
    belowMonths: 18 * 12,
    startingDays: boxedWarningDays,
    severity: 'moderate',
    message:
      'boxed warning: suicidal thoughts and behaviours under 25; see the patient weekly at first and watch for worsening, most of all in the first months and after dose changes',
    source: antidepressantBoxedWarning,
  },
  {
    classes: ['antidepressant'],
    fromYears: 18,
    belowMonths: 25 * 12,
    startingDays: boxedWarningDays,
    severity: 'caution',
    message:
      'boxed warning: suicidal thoughts and behaviours under 25; watch for worsening, most of all in the first months and after dose changes',
    source: antidepressantBoxedWarning,
  },
  // Depression only: for an anxiety disorder, sertraline has the paediatric evidence (CAMS, Walkup
  // et al., N Engl J Med 2008;359:2753) and AACAP 2020 recommends SSRIs without ranking them.
  {
    classes: ['antidepressant'],
    exceptDrugs: ['fluoxetine'],
    belowMonths: 18 * 12,
    when: {
      holds: (facts) => facts.conditions.depression !== undefined && !facts.conditions.anxiety,
      evidence: (facts) => `${facts.conditions.depression!.source}: depression`,
    },
    severity: 'caution',
    message:
      'depression under 18: fluoxetine is the first-choice antidepressant (sertraline or citalopram second line), always with psychological therapy',
    source: 'NICE NG134 Depression in children and young people (2019), section 1.6',
  },
];

/**
 * The minimum ages of the weight-based dosing table (guidelines/paediatric-dosing.ts), each with the
 * table row's source, for the drugs no rule above already limits by age (ibuprofen, cefdinir and
 * azithromycin have theirs): below it the table gives no dose, so the drug is not to be given
 * without a specialist's advice.
 */
const dosingTableRules: readonly AgeRule[] = Object.values(paediatricDoses)
  .filter(
    (row) =>
      row.minAgeMonths > 0 &&
      !ageRules.some((r) => r.belowMonths !== undefined && r.drugs?.includes(row.drug)),
  )
  .map((row) => ({
    drugs: [row.drug],
    belowMonths: row.minAgeMonths,
    severity: 'major' as const,
    message: `${row.drug} is not dosed under ${row.minAgeMonths} month${row.minAgeMonths === 1 ? '' : 's'} in the weight-based dosing table: give only on a paediatric specialist's advice`,
    source: row.source,
  }));

function applies(rule: AgeRule, drug: string, facts: PatientFacts): boolean {
  const match =
    (rule.drugs?.includes(drug) ?? false) || (rule.classes?.some((c) => inClass(drug, c)) ?? false);
  if (!match || rule.exceptDrugs?.includes(drug) || !facts.age) return false;
  if (rule.when && !rule.when.holds(facts)) return false;
  if (rule.startingDays !== undefined && takenSince(facts, drug, rule.startingDays)) return false;
  if (rule.fromYears !== undefined && facts.age.value < rule.fromYears) return false;
  return (
    rule.belowMonths === undefined || (facts.ageMonths ?? facts.age.value * 12) < rule.belowMonths
  );
}

/**
 * True when every active order of `drug` started more than `days` days ago. A newer order (a dose
 * change is written as one) or an order without a start date keeps the rule applying.
 */
function takenSince(facts: PatientFacts, drug: string, days: number): boolean {
  const orders = takes(facts, (d) => d === drug);
  return orders.length > 0 && orders.every((m) => (daysSince(m.started, facts.at) ?? 0) > days);
}

/** Age-related warnings (Beers 2023 and paediatric limits) for `drug`. */
export function ageWarnings(drug: string, facts: PatientFacts): SafetyWarning[] {
  return [...ageRules, ...dosingTableRules]
    .filter((rule) => applies(rule, drug, facts))
    .map((rule) => ({
      kind: 'age' as const,
      severity: rule.severity,
      drug,
      message: rule.message,
      source: rule.source,
      evidence: [
        `${facts.age!.source}: ${facts.age!.value} years`,
        ...(rule.when ? [rule.when.evidence(facts)] : []),
      ],
    }));
}
