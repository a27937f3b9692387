// Domain (synth/notes/lexicon): why a patient comes to the ED or is admitted when no condition of the
// catalog is the reason: the presenting complaint, the symptoms that come with it, the diagnoses a
// clinician weighs for it and the specialty that would follow it up.
//
// Until generator 1.3.0 such encounters (about 9 in 10 ED visits and a third of admissions) had no
// presentation at all, and their notes read like wellness visits: an "ED Provider Note" with the
// chief complaint "Annual physical" and the plan "Healthy check; no active issues".
import type { ConditionKey } from '../../catalog';
import type { Rng } from '../../rng';
import type { DifferentialKey } from './clinical';
import type { SymptomKey } from './symptoms';

export interface Presentation {
  /** The chief complaint first; each other symptom comes with it half the time (symptom-plan.ts). */
  symptoms: readonly SymptomKey[];
  /** What the clinician weighs and usually rules out (catalog conditions only if never had). */
  differentials: readonly (DifferentialKey | ConditionKey)[];
  /** Who would follow it up ("primary care" or "pediatrics": the patient's PCP). */
  specialty: string;
}

const p = (
  symptoms: SymptomKey[],
  differentials: (DifferentialKey | ConditionKey)[],
  specialty: string,
): Presentation => ({ symptoms, differentials, specialty });

/**
 * Adults and children from 12. Weights: the approximate share (%) of all ED visits whose principal
 * reason was this complaint, from the NHAMCS Emergency Department Summary Tables (CDC/NCHS, 2016,
 * Table 10, leading principal reasons for visit; abdominal pain is the first, about 9%, then chest
 * pain, fever, cough, shortness of breath, headache and back symptoms, 2-5% each). Injuries (about a
 * third of ED visits) are not modelled; the weights are renormalised over the complaints below.
 * `admission` weights the complaints that lead to an admission or an observation stay (generator
 * choices: chest pain, syncope, shortness of breath, weakness and abdominal pain lead).
 */
// prettier-ignore
export const adultPresentations = {
  abdominalPain: { ed: 9, admission: 3, presentation: p(['abdominalPain', 'nausea', 'vomiting', 'diarrhea'], ['appendicitis', 'gastroenteritis', 'urinaryInfection'], 'gastroenterology') },
  chestPain: { ed: 5, admission: 5, presentation: p(['chestPain', 'dyspnea', 'diaphoresis', 'palpitations'], ['acuteCoronarySyndrome', 'pulmonaryEmbolism', 'myocardial-infarction'], 'cardiology') },
  fever: { ed: 2, admission: 1.5, presentation: p(['fever', 'chills', 'myalgia', 'cough'], ['pneumonia', 'urinaryInfection'], 'primary care') },
  dyspnea: { ed: 3, admission: 3, presentation: p(['dyspnea', 'cough', 'wheezing'], ['pneumonia', 'pulmonaryEmbolism', 'heart-failure'], 'pulmonology') },
  cough: { ed: 3, admission: 0.5, presentation: p(['cough', 'fever', 'congestion', 'soreThroat'], ['pneumonia'], 'primary care') },
  headache: { ed: 2.5, admission: 0.5, presentation: p(['headache', 'nausea', 'dizziness'], ['migraine', 'stroke'], 'neurology') },
  backPain: { ed: 2.5, admission: 0.3, presentation: p(['backPain', 'legPain'], ['urinaryInfection'], 'orthopedics') },
  vomiting: { ed: 1.7, admission: 1, presentation: p(['vomiting', 'nausea', 'abdominalPain', 'diarrhea'], ['gastroenteritis'], 'gastroenterology') },
  soreThroat: { ed: 1.4, admission: 0, presentation: p(['soreThroat', 'fever', 'cough'], [], 'primary care') },
  dizziness: { ed: 1.2, admission: 1, presentation: p(['dizziness', 'nausea', 'headache'], ['stroke'], 'neurology') },
  syncope: { ed: 0.8, admission: 3, presentation: p(['syncope', 'dizziness'], ['atrial-fibrillation', 'pulmonaryEmbolism'], 'cardiology') },
  weakness: { ed: 1, admission: 2, presentation: p(['weakness', 'dizziness', 'appetiteLoss'], ['urinaryInfection', 'stroke'], 'primary care') },
} as const;

/**
 * Children under 12: fever leads, then cough, vomiting, abdominal pain, ear pain, breathing trouble,
 * sore throat and rash (the same NHAMCS tables' visits under 15; approximate shares, generator choice
 * for admissions: fever, wheezing and vomiting with dehydration lead).
 */
// prettier-ignore
export const childPresentations = {
  fever: { ed: 8, admission: 3, presentation: p(['fever', 'cough', 'congestion', 'vomiting'], ['otitis-media', 'pneumonia', 'urinaryInfection'], 'pediatrics') },
  cough: { ed: 3, admission: 1, presentation: p(['cough', 'congestion', 'fever', 'wheezing'], ['pneumonia', 'asthma'], 'pediatrics') },
  vomiting: { ed: 3, admission: 2, presentation: p(['vomiting', 'diarrhea', 'fever', 'abdominalPain'], ['gastroenteritis', 'urinaryInfection'], 'pediatrics') },
  abdominalPain: { ed: 2.5, admission: 1, presentation: p(['abdominalPain', 'vomiting', 'fever'], ['appendicitis', 'urinaryInfection'], 'pediatrics') },
  earPain: { ed: 2, admission: 0, presentation: p(['earPain', 'fever', 'congestion'], ['otitis-media'], 'pediatrics') },
  wheezing: { ed: 1.5, admission: 2, presentation: p(['wheezing', 'cough', 'dyspnea'], ['asthma', 'pneumonia'], 'pediatrics') },
  soreThroat: { ed: 1.5, admission: 0, presentation: p(['soreThroat', 'fever'], [], 'pediatrics') },
  rash: { ed: 1.2, admission: 0, presentation: p(['rash', 'itching', 'fever'], [], 'pediatrics') },
} as const;

type Row = { ed: number; admission: number; presentation: Presentation };
type Weighted = readonly (readonly [Presentation, number])[];

function weights(table: Readonly<Record<string, Row>>, kind: 'ed' | 'admission'): Weighted {
  return Object.values(table)
    .filter((row) => row[kind] > 0)
    .map((row) => [row.presentation, row[kind]] as const);
}

const weighted = {
  adult: {
    emergency: weights(adultPresentations, 'ed'),
    inpatient: weights(adultPresentations, 'admission'),
  },
  child: {
    emergency: weights(childPresentations, 'ed'),
    inpatient: weights(childPresentations, 'admission'),
  },
};

/** The presenting complaint of an ED visit or a stay that has no catalog condition as its reason. */
export function pickPresentation(
  kind: 'emergency' | 'inpatient',
  ageYears: number,
  rng: Rng,
): Presentation {
  return rng.weighted(weighted[ageYears < 12 ? 'child' : 'adult'][kind]);
}
