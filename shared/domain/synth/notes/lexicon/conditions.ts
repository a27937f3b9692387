// Domain (synth/notes/lexicon): how notes name the catalog's conditions, split from the catalog synonyms
// into full terms and abbreviations (abbreviation sites), plus the SNOMED code -> condition key index.
import { conditionKeys, conditions, type ConditionKey } from '../../catalog';
import type { Term } from './clinical';

/** Abbreviations among the synonyms: short tokens with capitals ("HTN", "T2DM", "AFib"). */
function isAbbreviation(synonym: string): boolean {
  return synonym.length <= 6 && synonym !== synonym.toLowerCase();
}

/** Adjectives among the synonyms that cannot stand where a noun is needed ("history of obese"). */
const notNouns = new Set(['obese']);

function termOf(key: ConditionKey): Term {
  const definition = conditions[key];
  const synonyms: readonly string[] = definition.synonyms;
  const terms = synonyms.filter((s) => !isAbbreviation(s) && !notNouns.has(s));
  const short = synonyms.filter(isAbbreviation);
  // Catalog entries whose preferred term is itself an acronym ("COPD", "ADHD") keep it as a term too,
  // so they are not forced into their rare spelled-out form 85% of the time.
  if (isAbbreviation(synonyms[0]!)) terms.unshift(synonyms[0]!);
  return { code: definition.snomed.code, display: definition.snomed.display, terms, short };
}

export const conditionTerms: Readonly<Record<ConditionKey, Term>> = Object.fromEntries(
  conditionKeys.map((key) => [key, termOf(key)]),
) as Record<ConditionKey, Term>;

const keyBySnomed = new Map<string, ConditionKey>(
  conditionKeys.map((key) => [conditions[key].snomed.code, key]),
);

/** The catalog condition a SNOMED code names, if any. */
export function conditionForCode(code: string | undefined): ConditionKey | undefined {
  return code === undefined ? undefined : keyBySnomed.get(code);
}

/** Qualifiers notes put around a condition when it is the reason for an acute visit. */
export const acuteQualifiers: Readonly<Partial<Record<ConditionKey, readonly [string, string][]>>> =
  {
    'heart-failure': [
      ['acute on chronic ', ' exacerbation'],
      ['decompensated ', ''],
      ['', ' exacerbation'],
      ['acute decompensated ', ''],
    ],
    asthma: [
      ['', ' exacerbation'],
      ['acute ', ' exacerbation'],
      ['', ' flare'],
    ],
    copd: [
      ['', ' exacerbation'],
      ['acute exacerbation of ', ''],
    ],
    'atrial-fibrillation': [
      ['', ' with rapid ventricular response'],
      ['new-onset ', ''],
      ['paroxysmal ', ''],
    ],
    'myocardial-infarction': [
      ['acute ', ''],
      ['', ''],
    ],
    stroke: [
      ['acute ', ''],
      ['acute ischemic ', ''],
    ],
    'otitis-media': [
      ['right ', ''],
      ['left ', ''],
      ['bilateral ', ''],
    ],
    depression: [
      ['', ', recurrent episode'],
      ['worsening ', ''],
    ],
    hypertension: [
      ['uncontrolled ', ''],
      ['', ', above goal'],
    ],
    'type2-diabetes': [
      ['uncontrolled ', ''],
      ['', ' with hyperglycemia'],
    ],
  };
